import type { TFunction } from 'i18next';

/**
 * The importer's reasons (apps/api/src/modules/directory/directory.imports.ts, also printed by
 * `npm run import:sirene`) → translation keys; an unknown reason is shown as is.
 */
const REASONS: [RegExp, string][] = [
  [/^invalid SIRET "(?<value>.*)"$/, 'invalidSiret'],
  [/^SIRET (?<value>\d+) does not match siren \+ nic$/, 'siretMismatch'],
  [/^unknown administrative state "(?<value>.*)"$/, 'unknownState'],
  [/^unknown NAF rev\.2 code "(?<value>.*)"$/, 'unknownNaf'],
  [/^unknown headcount band "(?<value>.*)"$/, 'unknownBand'],
  [/^unknown commune "(?<value>.*)"$/, 'unknownCommune'],
  [/^expected (?<expected>\d+) columns, found (?<found>\d+)$/, 'columns'],
  [/^unreadable CSV: (?<value>.*)$/, 'unreadable'],
];

export function rejectionText(reason: string, t: TFunction): string {
  for (const [pattern, key] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return t(`admin.imports.reasons.${key}`, match.groups);
  }
  return reason;
}
