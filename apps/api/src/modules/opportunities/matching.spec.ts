import {
  DEFAULT_RADIUS_KM,
  NAF_POINTS,
  distanceKm,
  nafProximity,
  normalizeSkill,
  scoreMatch,
  type MatchCompany,
  type MatchOpportunity,
} from './matching';

const SAINT_ETIENNE = { lat: 45.4397, lng: 4.3872 };
const FIRMINY = { lat: 45.3883, lng: 4.2878 };
const LYON = { lat: 45.764, lng: 4.8357 };

const opportunity = (over: Partial<MatchOpportunity> = {}): MatchOpportunity => ({
  nafCodes: ['25.62B'],
  skills: ['Usinage 5 axes'],
  ...SAINT_ETIENNE,
  radiusKm: 30,
  departementCodes: [],
  regionCodes: [],
  ...over,
});
const company = (over: Partial<MatchCompany> = {}): MatchCompany => ({
  nafCode: '25.62B',
  offerNafCodes: [],
  offerSkills: [],
  offerLabels: [],
  headcountBand: null,
  ...FIRMINY,
  departementCode: '42',
  regionCode: '84',
  sharedNetworks: [],
  pastResponses: 0,
  ...over,
});

describe('matching', () => {
  it('ranks NAF proximity class > group > division > section', () => {
    expect(nafProximity('25.62B', '25.62A')).toBe('class');
    expect(nafProximity('25.62B', '25.61Z')).toBe('group');
    expect(nafProximity('25.62B', '25.11Z')).toBe('division');
    expect(nafProximity('25.62B', '28.41Z')).toBe('section');
    expect(nafProximity('25.62B', '62.01Z')).toBeNull();
    const at = (nafCode: string) => scoreMatch(opportunity({ skills: [] }), company({ nafCode, lat: null, lng: null }), 'publisher').score;
    expect(at('25.62A')).toBe(NAF_POINTS.class);
    expect(at('25.62A')).toBeGreaterThan(at('25.61Z'));
    expect(at('25.61Z')).toBeGreaterThan(at('25.11Z'));
    expect(at('25.11Z')).toBeGreaterThan(at('28.41Z'));
    expect(at('62.01Z')).toBe(0);
  });

  it('gives nothing for nearness or a shared network alone', () => {
    const result = scoreMatch(opportunity(), company({ nafCode: '62.01Z', sharedNetworks: [{ id: 'n', name: 'Club' }] }), 'publisher');
    expect(result).toEqual({ score: 0, reasons: [] });
  });

  it('counts declared skills, accents and case aside, and words of offer labels', () => {
    expect(normalizeSkill('  Usinage   5 AXES ')).toBe('usinage 5 axes');
    expect(normalizeSkill('Éco-conception')).toBe('eco-conception');
    const r = scoreMatch(
      opportunity({ skills: ['usinage 5 axes', 'Soudure TIG', 'Peinture'] }),
      company({ nafCode: null, offerSkills: ['USINAGE 5 AXES'], offerLabels: ['Soudure tig inox'] }),
      'publisher',
    );
    const skills = r.reasons.find((x) => x.kind === 'skills')!;
    expect(skills.params.count).toBe(2);
    expect(skills.label).toBe('Propose : usinage 5 axes, Soudure TIG');
  });

  it('scores distance inside the radius only, nearer is better', () => {
    expect(Math.round(distanceKm(SAINT_ETIENNE, LYON))).toBe(50);
    const near = scoreMatch(opportunity(), company(), 'publisher');
    const far = scoreMatch(opportunity({ radiusKm: 100 }), company(LYON), 'publisher');
    const out = scoreMatch(opportunity(), company(LYON), 'publisher');
    expect(near.reasons.find((r) => r.kind === 'distance')!.label).toBe('10 km');
    expect(near.reasons.find((r) => r.kind === 'distance')!.points).toBeGreaterThan(far.reasons.find((r) => r.kind === 'distance')!.points);
    expect(out.reasons.some((r) => r.kind === 'distance')).toBe(false);
    // No radius: the default one.
    expect(DEFAULT_RADIUS_KM).toBe(50);
    expect(scoreMatch(opportunity({ radiusKm: null }), company(FIRMINY), 'publisher').reasons.some((r) => r.kind === 'distance')).toBe(
      true,
    );
    expect(scoreMatch(opportunity({ radiusKm: null }), company(LYON), 'publisher').reasons.some((r) => r.kind === 'distance')).toBe(false);
  });

  it('falls back to départements and régions when either side has no coordinates', () => {
    const o = opportunity({ lat: null, lng: null, departementCodes: ['42'], regionCodes: ['84'] });
    expect(scoreMatch(o, company(), 'publisher').reasons.find((r) => r.kind === 'territory')!.params).toEqual({ departement: '42' });
    expect(scoreMatch(o, company({ departementCode: '69' }), 'publisher').reasons.find((r) => r.kind === 'territory')!.params).toEqual({
      region: '84',
    });
  });

  it('phrases the reasons for the reader, best first, and sums them', () => {
    const c = company({ headcountBand: '11', sharedNetworks: [{ id: 'n', name: 'Club des industriels du Forez' }], pastResponses: 2 });
    const forPublisher = scoreMatch(opportunity({ skills: [] }), c, 'publisher');
    expect(forPublisher.reasons.map((r) => r.label)).toEqual([
      'NAF 25.62B mécanique industrielle',
      '10 km',
      'Membre de Club des industriels du Forez',
      'PME de 10 à 19 salariés',
      'A déjà répondu à 2 opportunités',
    ]);
    expect(forPublisher.score).toBe(forPublisher.reasons.reduce((s, r) => s + r.points, 0));
    const forCandidate = scoreMatch(opportunity({ skills: [] }), c, 'candidate');
    expect(forCandidate.reasons.map((r) => r.label)).toContain('Publié par un membre de Club des industriels du Forez');
    expect(forCandidate.reasons.map((r) => r.label)).toContain('10 km de chez vous');
    expect(forCandidate.score).toBe(forPublisher.score);
  });
});
