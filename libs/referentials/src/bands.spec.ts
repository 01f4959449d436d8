import { findHeadcountBand, findLegalForm, HEADCOUNT_BANDS, LEGAL_FORMS } from './bands';

describe('headcount bands', () => {
  it('has the 16 INSEE codes, in order and without gaps', () => {
    expect(HEADCOUNT_BANDS.map((b) => b.code)).toEqual([
      'NN',
      '00',
      '01',
      '02',
      '03',
      '11',
      '12',
      '21',
      '22',
      '31',
      '32',
      '41',
      '42',
      '51',
      '52',
      '53',
    ]);
    const ranged = HEADCOUNT_BANDS.slice(2);
    ranged.forEach((b, i) => {
      if (i > 0) expect(b.min).toBe((ranged[i - 1]!.max ?? NaN) + 1);
    });
  });

  it('finds a band with French and English labels', () => {
    expect(findHeadcountBand('01')).toMatchObject({ label: '1 ou 2 salariés', labelEn: '1 or 2 employees', min: 1, max: 2 });
    expect(findHeadcountBand('12')?.label).toBe('20 à 49 salariés');
    expect(findHeadcountBand('53')).toMatchObject({ label: '10 000 salariés et plus', max: null });
    expect(findHeadcountBand('99')).toBeNull();
  });
});

describe('legal forms', () => {
  it('has unique 4-digit codes', () => {
    const codes = LEGAL_FORMS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{4}$/.test(c))).toBe(true);
  });

  it('finds the common forms', () => {
    expect(findLegalForm('5710')?.label).toBe('SAS, société par actions simplifiée');
    expect(findLegalForm('5499')?.label).toBe('Société à responsabilité limitée (sans autre indication)');
    expect(findLegalForm('9220')?.label).toBe('Association déclarée');
    expect(findLegalForm('5785')?.label).toBe("Société d'exercice libéral par action simplifiée");
    expect(findLegalForm('0000')).toBeNull();
  });
});
