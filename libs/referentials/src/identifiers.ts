// French business identifiers: SIREN (company), SIRET (establishment), NAF and INSEE commune
// codes. Pure functions with no data and no Node imports, so the web app can use them too.
// The validators accept the usual written forms ('552 100 554', '552.100.554').

/** SIREN of La Poste, whose establishments do not use the Luhn check digit. */
const LA_POSTE_SIREN = '356000000';
/** La Poste's head office, the only one of its SIRETs that follows the Luhn rule. */
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/** Removes spaces (including non-breaking ones) and dots. */
export function normalizeIdentifier(s: string): string {
  return s.replace(/[\s.\u00a0\u202f]/g, '');
}

function luhnIsValid(digits: string): boolean {
  let sum = 0;
  // From the rightmost digit, every second digit is doubled (minus 9 when above 9).
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const d of digits) sum += Number(d);
  return sum;
}

/** 9 digits with a valid Luhn check digit. */
export function isValidSiren(s: string): boolean {
  const siren = normalizeIdentifier(s);
  return /^\d{9}$/.test(siren) && luhnIsValid(siren);
}

/**
 * 14 digits: a valid SIREN followed by the 5-digit establishment number (NIC), with a Luhn
 * check over all 14 digits. La Poste's establishments are the exception: their digit sum must
 * be a multiple of 5 instead (its head office keeps the Luhn rule).
 */
export function isValidSiret(s: string): boolean {
  const siret = normalizeIdentifier(s);
  if (!/^\d{14}$/.test(siret) || !isValidSiren(siret.slice(0, 9))) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE_SIRET) {
    return digitSum(siret) % 5 === 0;
  }
  return luhnIsValid(siret);
}

/** The SIREN part of a SIRET, or null when the input is not 14 digits. */
export function sirenFromSiret(siret: string): string | null {
  const digits = normalizeIdentifier(siret);
  return /^\d{14}$/.test(digits) ? digits.slice(0, 9) : null;
}

/** '552100554' → '552 100 554'; anything that is not 9 digits is returned normalized. */
export function formatSiren(s: string): string {
  const siren = normalizeIdentifier(s);
  return /^\d{9}$/.test(siren) ? siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : siren;
}

/** '73282932000074' → '732 829 320 00074'; anything that is not 14 digits is returned normalized. */
export function formatSiret(s: string): string {
  const siret = normalizeIdentifier(s);
  return /^\d{14}$/.test(siret) ? `${formatSiren(siret.slice(0, 9))} ${siret.slice(9)}` : siret;
}

/** NAF rev.2 sous-classe format, e.g. '62.01Z' (format only, not existence: see findNaf). */
export function isValidNafCode(s: string): boolean {
  return /^\d{2}\.\d{2}[A-Z]$/.test(s);
}

/** Puts a NAF code written '6201Z', '62 01 z' or '62.01z' into the canonical form '62.01Z'. */
export function normalizeNafCode(s: string): string {
  const compact = normalizeIdentifier(s).toUpperCase();
  const match = /^(\d{2})(\d{2}[A-Z])$/.exec(compact);
  return match ? `${match[1]}.${match[2]}` : compact;
}

/**
 * INSEE commune code format: 2-character département code then 3 digits, e.g. '42218',
 * '2A004' (Corsica), '97411' (overseas). Corsica has no '20xxx' codes since 1976, so those
 * (usually Corsican postal codes) are rejected, as is '00'.
 */
export function isValidInseeCommuneCode(s: string): boolean {
  return /^(?:0[1-9]|1\d|2[1-9AB]|[3-9]\d)\d{3}$/.test(s);
}
