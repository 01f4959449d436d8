import { findNaf, listNaf, NAF_SECTIONS, nafDivision, nafSection, searchNaf } from './naf';

describe('NAF rev.2', () => {
  it('lists the 732 sous-classes', () => {
    const all = listNaf();
    expect(all).toHaveLength(732);
    expect(new Set(all.map((n) => n.code)).size).toBe(732);
    expect(all.every((n) => /^\d{2}\.\d{2}[A-Z]$/.test(n.code) && n.label.length > 0)).toBe(true);
  });

  it('finds a sous-classe by code, in any usual spelling', () => {
    expect(findNaf('25.62B')).toEqual({ code: '25.62B', label: 'Mécanique industrielle' });
    expect(findNaf('62.01Z')).toEqual({ code: '62.01Z', label: 'Programmation informatique' });
    expect(findNaf('6201z')).toEqual({ code: '62.01Z', label: 'Programmation informatique' });
    expect(findNaf('62.01')).toBeNull();
    expect(findNaf('99.99Z')).toBeNull();
  });

  it('cleans the double spaces of the source labels', () => {
    expect(findNaf('87.30B')?.label).toBe('Hébergement social pour handicapés physiques');
  });

  describe('searchNaf', () => {
    it('matches code prefixes, with or without the dot', () => {
      expect(searchNaf('62.01').map((n) => n.code)).toEqual(['62.01Z']);
      expect(searchNaf('6202').map((n) => n.code)).toEqual(['62.02A', '62.02B']);
    });

    it('ignores case and accents, label prefixes first', () => {
      const codes = searchNaf('MECANIQUE').map((n) => n.code);
      expect(codes[0]).toBe('25.62B');
      expect(searchNaf('programmation informatique')[0]).toEqual({ code: '62.01Z', label: 'Programmation informatique' });
    });

    it('matches word prefixes anywhere in the label, in any order', () => {
      const codes = searchNaf('industrielle mécan').map((n) => n.code);
      expect(codes).toContain('25.62B');
      // 'Boulangerie et boulangerie-pâtisserie' starts with the word, 'Cuisson de produits de boulangerie' has it.
      expect(searchNaf('boulangerie').map((n) => n.code)).toEqual(['10.71C', '10.71B']);
    });

    it('respects the limit and ignores empty queries', () => {
      expect(searchNaf('fabrication', 5)).toHaveLength(5);
      expect(searchNaf('fabrication').length).toBe(20);
      expect(searchNaf('  ')).toEqual([]);
      expect(searchNaf('zzzz')).toEqual([]);
    });
  });

  it('gives the division and the section of a code', () => {
    expect(nafDivision('25.62B')).toEqual({
      code: '25',
      label: expect.stringMatching(/^Fabrication de produits métalliques/),
    });
    expect(nafSection('25.62B')).toEqual({ code: 'C', label: 'Industrie manufacturière' });
    expect(nafSection('62.01Z')).toEqual({ code: 'J', label: 'Information et communication' });
    expect(nafSection('01.11Z')?.code).toBe('A');
    expect(nafSection('99.00Z')?.code).toBe('U');
    // Division 04 does not exist.
    expect(nafSection('04.00Z')).toBeNull();
    expect(nafDivision('nonsense')).toBeNull();
  });

  it('has 21 sections, and every division of the data falls in exactly one', () => {
    expect(NAF_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    const divisions = new Set(listNaf().map((n) => n.code.slice(0, 2)));
    expect(divisions.size).toBe(88);
    for (const division of divisions) {
      const sections = NAF_SECTIONS.filter((s) => division >= s.divisions[0] && division <= s.divisions[1]);
      expect(sections).toHaveLength(1);
    }
  });
});
