import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Actor } from '../../core/access/actor';
import { SurveysService } from './surveys.service';

export interface SurveyFile {
  filename: string;
  contentType: string;
  content: string | Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The owners' export of a survey's answers: one line per answer sheet, one column per question (CSV or XLSX). */
@Injectable()
export class SurveysExportService {
  constructor(private readonly surveys: SurveysService) {}

  async answers(actor: Actor, id: string, format: 'csv' | 'xlsx'): Promise<SurveyFile> {
    const { survey, questions, rows } = await this.surveys.answerSheets(actor, id);
    const headers = ['N°', 'Date', 'Entreprise', 'Répondant', ...questions.map((q) => q.label)];
    const base = `questionnaire-${
      survey.title
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'reponses'
    }`;
    if (format === 'csv') {
      // Semicolons and CRLF for French spreadsheets; a cell starting like a formula is escaped.
      const text =
        '\uFEFF' +
        stringify([headers, ...rows.map((r) => r.map((c) => (c === null ? null : String(c))))], {
          delimiter: ';',
          record_delimiter: 'windows',
          escape_formulas: true,
        });
      return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', content: text };
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Maillage';
    const sheet = workbook.addWorksheet('Réponses');
    sheet.addRow(headers).font = { bold: true };
    // exceljs writes strings as shared strings, never as formulas.
    for (const row of rows) sheet.addRow(row);
    sheet.columns.forEach((c) => (c.width = 22));
    return { filename: `${base}.xlsx`, contentType: XLSX, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }
}
