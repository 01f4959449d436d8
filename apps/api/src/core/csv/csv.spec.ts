import { parse } from 'csv-parse/sync';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, uses ; and CRLF, and defuses every formula-looking cell', () => {
    const hostile = ['=1+1', '+1', '-1', '@A1', '\tx', '\rx', '＝1', '＋1', '－1', '＠A1'];
    const csv = toCsv([
      ['Nom', 'Note'],
      ...hostile.map((v) => [v, 'ok']),
      ['Dupont; fils "et" Cie', null],
      ['Ligne\nsuivante', '2026-11-26'],
    ]);
    expect(csv.startsWith('\uFEFFNom;Note\r\n')).toBe(true);
    const rows: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(rows.slice(1, 1 + hostile.length).map((r) => r[0])).toEqual(hostile.map((v) => `'${v}`));
    expect(rows.at(-2)).toEqual(['Dupont; fils "et" Cie', '']);
    expect(rows.at(-1)).toEqual(['Ligne\nsuivante', '2026-11-26']);
  });
});
