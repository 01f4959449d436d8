import {
  formatSiren,
  formatSiret,
  isValidInseeCommuneCode,
  isValidNafCode,
  isValidSiren,
  isValidSiret,
  normalizeIdentifier,
  normalizeNafCode,
  sirenFromSiret,
} from './identifiers';

describe('normalizeIdentifier', () => {
  it('strips spaces, non-breaking spaces and dots', () => {
    expect(normalizeIdentifier(' 552 100\u00a0554\u202f00013 ')).toBe('55210055400013');
    expect(normalizeIdentifier('552.100.554')).toBe('552100554');
  });
});

describe('isValidSiren', () => {
  it.each([
    ['552100554', 'Peugeot SA'],
    ['542065479', 'PSA Automobiles, now Stellantis Auto'],
    ['542051180', 'TotalEnergies SE'],
    ['356000000', 'La Poste'],
    ['552 120 222', 'Société Générale, written with spaces'],
  ])('accepts %s (%s)', (siren) => {
    expect(isValidSiren(siren)).toBe(true);
  });

  it.each(['552100555', '542051181', '55210055', '5521005540', '55210055A', ''])('rejects %p', (siren) => {
    expect(isValidSiren(siren)).toBe(false);
  });
});

describe('isValidSiret', () => {
  it('accepts Luhn-valid SIRETs, written in any usual form', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('732 829 320 00074')).toBe(true);
    expect(isValidSiret('44126652500019')).toBe(true);
  });

  it('rejects a wrong check digit, a wrong length or a SIRET whose SIREN is invalid', () => {
    expect(isValidSiret('73282932000079')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('732829320000740')).toBe(false);
    // Luhn-valid over 14 digits, but the first 9 are not a valid SIREN.
    expect(isValidSiret('73282932100007')).toBe(false);
  });

  it('applies the La Poste rule: digit sum a multiple of 5 instead of Luhn', () => {
    // Real establishments of La Poste: digit sums 35 and 45, and both fail Luhn.
    expect(isValidSiret('35600000009075')).toBe(true);
    expect(isValidSiret('356 000 000 49837')).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false);
    // Passes Luhn, but its digit sum is 24.
    expect(isValidSiret('35600000000055')).toBe(false);
  });

  it("keeps the Luhn rule for La Poste's head office", () => {
    expect(isValidSiret('35600000000048')).toBe(true);
  });
});

describe('sirenFromSiret / formatSiren / formatSiret', () => {
  it('extracts the SIREN', () => {
    expect(sirenFromSiret('732 829 320 00074')).toBe('732829320');
    expect(sirenFromSiret('732829320')).toBeNull();
  });

  it('formats with the usual spaces', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
    expect(formatSiret('732.829.320.00074')).toBe('732 829 320 00074');
    expect(formatSiren('552100554')).toBe('552 100 554');
    expect(formatSiret('1234')).toBe('1234');
  });
});

describe('NAF codes', () => {
  it('checks the sous-classe format', () => {
    expect(isValidNafCode('62.01Z')).toBe(true);
    expect(isValidNafCode('25.62B')).toBe(true);
    expect(isValidNafCode('6201Z')).toBe(false);
    expect(isValidNafCode('62.01z')).toBe(false);
    expect(isValidNafCode('62.01')).toBe(false);
  });

  it('normalizes the usual variants', () => {
    expect(normalizeNafCode('6201Z')).toBe('62.01Z');
    expect(normalizeNafCode(' 62.01z ')).toBe('62.01Z');
    expect(normalizeNafCode('62')).toBe('62');
  });
});

describe('isValidInseeCommuneCode', () => {
  it.each(['42218', '75056', '2A004', '2B033', '97411', '01001'])('accepts %s', (code) => {
    expect(isValidInseeCommuneCode(code)).toBe(true);
  });

  it.each(['20000', '00100', '4221', '422180', '2C004', '2a004', 'ABCDE'])('rejects %s', (code) => {
    expect(isValidInseeCommuneCode(code)).toBe(false);
  });
});
