import { companyDocument, distinctPassages, type CompanyRow } from './directory.sources';

const DESCRIPTION = 'Mécanique générale et usinage de pièces unitaires pour la maintenance industrielle ; rectification et ajustage.';

function row(offers: CompanyRow['offers']): CompanyRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    siret: '60398306500013',
    legal_name: 'Usinage Auvergne SA',
    trade_name: null,
    naf_code: '25.62B',
    headcount_band: null,
    postal_code: '69001',
    commune_code: null,
    departement_code: '69',
    region_code: '84',
    lat: null,
    lng: null,
    description: DESCRIPTION,
    logo_file_id: null,
    network_ids: [],
    offers,
  };
}

describe('company search document', () => {
  it('holds each passage once, so that a snippet never shows the description twice', () => {
    const body = companyDocument(
      row([
        { kind: 'offer', label: 'Usinage', description: DESCRIPTION, skills: ['usinage'] },
        { kind: 'offer', label: 'Rectification', description: 'rectification et ajustage', skills: [] },
        { kind: 'need', label: 'Recherche un partenaire en peinture', description: null, skills: ['peinture'] },
      ]),
    ).body;
    expect(body.split(DESCRIPTION)).toHaveLength(2);
    expect(body).not.toMatch(/rectification et ajustage\n/);
    // A need already phrased as a search is not prefixed once more ("Recherche : Recherche…").
    expect(body).toContain('Recherche un partenaire en peinture.');
    expect(body).not.toContain('Recherche : Recherche');
  });

  it('keeps the longer of two passages when one holds the other, in their order otherwise', () => {
    expect(distinctPassages(['Tournage', null, 'Tournage et fraisage CNC', 'Lyon', ' ', 'lyon.'])).toEqual([
      'Tournage et fraisage CNC',
      'Lyon',
    ]);
  });
});
