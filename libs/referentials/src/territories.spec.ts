import {
  epciOfCommune,
  findCommune,
  findDepartement,
  findRegion,
  listDepartements,
  listRegions,
  searchCommunes,
  searchEpcis,
} from './territories';

const codes = (communes: { code: string }[]) => communes.map((c) => c.code);

describe('findCommune', () => {
  it('gives the commune with its département and région', () => {
    expect(findCommune('42218')).toEqual({
      code: '42218',
      name: 'Saint-Étienne',
      postalCodes: expect.arrayContaining(['42000', '42100']),
      departement: { code: '42', name: 'Loire' },
      region: { code: '84', name: 'Auvergne-Rhône-Alpes' },
    });
  });

  it('knows Corsica and the overseas départements', () => {
    expect(findCommune('2A004')).toMatchObject({
      name: 'Ajaccio',
      departement: { code: '2A', name: 'Corse-du-Sud' },
      region: { code: '94', name: 'Corse' },
    });
    expect(findCommune('2a004')?.name).toBe('Ajaccio');
    expect(findCommune('97411')).toMatchObject({ name: 'Saint-Denis', departement: { code: '974', name: 'La Réunion' } });
  });

  it('resolves municipal arrondissements and former codes to the current commune', () => {
    expect(findCommune('75108')?.code).toBe('75056');
    expect(findCommune('69383')?.name).toBe('Lyon');
    // Ajaccio was 20004 before Corsica was split in two départements.
    expect(findCommune('20004')?.code).toBe('2A004');
  });

  it('returns null for unknown codes', () => {
    expect(findCommune('00000')).toBeNull();
    expect(findCommune('')).toBeNull();
  });

  it('returns frozen shared objects', () => {
    const commune = findCommune('42218')!;
    expect(Object.isFrozen(commune) && Object.isFrozen(commune.postalCodes)).toBe(true);
  });
});

describe('searchCommunes', () => {
  it('finds by name whatever the accents, case, hyphens and abbreviations', () => {
    expect(searchCommunes('saint etienne')[0]?.code).toBe('42218');
    expect(searchCommunes('SAINT-ÉTIENNE')[0]?.code).toBe('42218');
    expect(searchCommunes('st etienne')[0]?.code).toBe('42218');
    expect(searchCommunes("l'ile d'yeu")[0]?.code).toBe('85113');
  });

  it('puts the exact name first, then prefixes by decreasing population', () => {
    const results = searchCommunes('saint etienne', 10);
    expect(results).toHaveLength(10);
    expect(results.slice(1).every((c) => c.name.startsWith('Saint-Étienne'))).toBe(true);
    expect(codes(searchCommunes('paris', 1))).toEqual(['75056']);
    // Several communes are called Saint-Sauveur; all come before any Saint-Sauveur-xxx.
    const saintSauveur = searchCommunes('saint sauveur', 50).map((c) => c.name);
    const lastExact = saintSauveur.lastIndexOf('Saint-Sauveur');
    expect(lastExact).toBeGreaterThan(0);
    expect(saintSauveur.slice(0, lastExact + 1).every((n) => n === 'Saint-Sauveur')).toBe(true);
  });

  it('finds by postal code or its beginning', () => {
    expect(searchCommunes('42000')[0]?.code).toBe('42218');
    expect(codes(searchCommunes('420', 3))[0]).toBe('42218');
    expect(searchCommunes('20000')[0]?.code).toBe('2A004');
  });

  it('finds by INSEE code', () => {
    expect(searchCommunes('42218')[0]?.code).toBe('42218');
    expect(searchCommunes('2A004')[0]?.code).toBe('2A004');
  });

  it('respects the limit and ignores empty queries', () => {
    expect(searchCommunes('saint', 3)).toHaveLength(3);
    expect(searchCommunes(' ')).toEqual([]);
    expect(searchCommunes('xyzxyz')).toEqual([]);
  });
});

describe('départements, régions, EPCI', () => {
  it('finds départements and régions', () => {
    expect(findDepartement('42')).toEqual({
      code: '42',
      name: 'Loire',
      zone: 'metro',
      region: { code: '84', name: 'Auvergne-Rhône-Alpes' },
    });
    expect(findDepartement('2b')?.name).toBe('Haute-Corse');
    expect(findRegion('84')).toEqual({ code: '84', name: 'Auvergne-Rhône-Alpes', zone: 'metro' });
    expect(findRegion('99')).toBeNull();
  });

  it('lists the 101 départements and 18 régions, plus the overseas collectivities', () => {
    expect(listDepartements().filter((d) => d.zone !== 'com')).toHaveLength(101);
    expect(listRegions().filter((r) => r.zone !== 'com')).toHaveLength(18);
  });

  it('gives the EPCI of a commune', () => {
    expect(epciOfCommune('42218')).toEqual({ code: expect.stringMatching(/^\d{9}$/), name: 'Saint-Étienne Métropole' });
    expect(epciOfCommune('75108')?.name).toBe('Métropole du Grand Paris');
    // A few islands belong to no EPCI.
    expect(epciOfCommune('29155')).toBeNull();
    expect(epciOfCommune('00000')).toBeNull();
  });

  it('searches EPCI by the beginning of their words or by SIREN code', () => {
    const found = searchEpcis('st etienne metro');
    expect(found.map((e) => e.name)).toEqual(['Saint-Étienne Métropole']);
    expect(searchEpcis(found[0]!.code)).toEqual(found);
    expect(searchEpcis('communaute', 3)).toHaveLength(3);
    expect(searchEpcis('  ')).toEqual([]);
  });
});
