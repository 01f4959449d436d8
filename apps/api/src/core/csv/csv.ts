import { stringify } from 'csv-stringify/sync';

/** A CSV export ready to send as an attachment. */
export interface CsvFile {
  filename: string;
  content: string;
}

/**
 * Spreadsheet-safe CSV: UTF-8 with a BOM (Excel), `;`-separated (the list separator of French
 * spreadsheets), every cell that starts with = + - @ a tab or a carriage return (or their
 * full-width forms) prefixed with a quote so that no spreadsheet runs it as a formula.
 */
export function toCsv(rows: (string | null)[][]): string {
  return '\uFEFF' + stringify(rows, { delimiter: ';', record_delimiter: 'windows', escape_formulas: true });
}
