import type { MatchReason } from '@maillage/contracts';
import { findHeadcountBand, findNaf, nafSection } from '@maillage/referentials';
import { de } from '../../core/mail/elision';

/**
 * The one matching engine of Maillage: how well a company fits an opportunity, and why. Pure functions (unit
 * tested); the service gathers candidates in SQL and ranks them with `scoreMatch`.
 */

/** What is known of the opportunity side of a pair. */
export interface MatchOpportunity {
  nafCodes: readonly string[];
  skills: readonly string[];
  lat: number | null;
  lng: number | null;
  radiusKm: number | null;
  departementCodes: readonly string[];
  regionCodes: readonly string[];
}

/** What is known of the company side of a pair. */
export interface MatchCompany {
  nafCode: string | null;
  /** NAF codes and skills of the company's offers ("je propose"), and their labels. */
  offerNafCodes: readonly string[];
  offerSkills: readonly string[];
  offerLabels: readonly string[];
  headcountBand: string | null;
  lat: number | null;
  lng: number | null;
  departementCode: string | null;
  regionCode: string | null;
  /** Networks both the company and the other side are active members of. */
  sharedNetworks: readonly { id: string; name: string }[];
  /** Responses the company already made to opportunities (any publisher). */
  pastResponses: number;
}

/** Who reads the reasons: the publisher looking at a company, or a company looking at an opportunity. */
export type MatchReader = 'publisher' | 'candidate';

export const NAF_POINTS = { class: 40, group: 28, division: 18, section: 8 } as const;
export const SKILL_POINTS = 10;
export const MAX_SKILL_POINTS = 30;
export const DISTANCE_POINTS = 15;
export const DEFAULT_RADIUS_KM = 50;
export const DEPARTEMENT_POINTS = 10;
export const REGION_POINTS = 5;
export const NETWORK_POINTS = 8;
export const MAX_NETWORK_POINTS = 16;
export const MAX_HISTORY_POINTS = 6;

export type NafLevel = keyof typeof NAF_POINTS;

/** The closest level two NAF rev.2 sub-classes share (class 25.62, group 25.6, division 25, section C), or null. */
export function nafProximity(a: string, b: string): NafLevel | null {
  if (a.slice(0, 5) === b.slice(0, 5)) return 'class';
  if (a.slice(0, 4) === b.slice(0, 4)) return 'group';
  if (a.slice(0, 2) === b.slice(0, 2)) return 'division';
  const sa = nafSection(a)?.code;
  return sa && sa === nafSection(b)?.code ? 'section' : null;
}

/** Case- and accent-insensitive form of a skill. */
export function normalizeSkill(skill: string): string {
  return skill.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const nafLabel = (code: string) => findNaf(code)?.label ?? '';

/**
 * The score of a pair and its reasons, best first. A pair sharing neither a NAF level nor a skill scores 0 and has
 * no reasons: nearness or a shared network alone does not make a partner.
 */
export function scoreMatch(o: MatchOpportunity, c: MatchCompany, reader: MatchReader): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const you = reader === 'candidate';

  // Sector: the best level over the company's own code and its offers' codes.
  let best: { level: NafLevel; theirs: string; wanted: string } | null = null;
  const codes = [...(c.nafCode ? [c.nafCode] : []), ...c.offerNafCodes];
  for (const wanted of o.nafCodes) {
    for (const theirs of codes) {
      const level = nafProximity(wanted, theirs);
      if (level && (!best || NAF_POINTS[level] > NAF_POINTS[best.level])) best = { level, theirs, wanted };
    }
  }
  if (best) {
    const label = nafLabel(best.theirs);
    const same = best.level === 'class';
    const text = same
      ? `${you ? 'Votre activité : ' : ''}NAF ${best.theirs} ${label.toLowerCase()}`
      : `${you ? 'Votre activité' : 'Activité'} NAF ${best.theirs} ${label.toLowerCase()}, proche de ${best.wanted} (même ${LEVEL_FR[best.level]})`;
    reasons.push({
      kind: 'naf',
      label: text,
      params: { code: best.theirs, label, wanted: best.wanted, level: best.level },
      points: NAF_POINTS[best.level],
    });
  }

  // Skills: each skill sought that the company declares in its offers (as a skill, or words of an offer's label).
  const declared = new Set(c.offerSkills.map(normalizeSkill));
  const labels = c.offerLabels.map(normalizeSkill);
  const shared = o.skills.filter((s) => {
    const n = normalizeSkill(s);
    return n !== '' && (declared.has(n) || labels.some((l) => ` ${l} `.includes(` ${n} `)));
  });
  if (shared.length) {
    const points = Math.min(MAX_SKILL_POINTS, shared.length * SKILL_POINTS);
    reasons.push({
      kind: 'skills',
      label: `${you ? 'Vous proposez' : 'Propose'} : ${shared.join(', ')}`,
      params: { skills: shared.join(', '), count: shared.length },
      points,
    });
  }
  if (!reasons.length) return { score: 0, reasons: [] };

  // Place: distance within the radius (or a default one), else the départements and régions sought.
  if (o.lat !== null && o.lng !== null && c.lat !== null && c.lng !== null) {
    const km = distanceKm({ lat: o.lat, lng: o.lng }, { lat: c.lat, lng: c.lng });
    const radius = o.radiusKm ?? DEFAULT_RADIUS_KM;
    if (km <= radius) {
      const rounded = Math.round(km);
      reasons.push({
        kind: 'distance',
        label: `${rounded} km${you ? ' de chez vous' : ''}`,
        params: { km: rounded },
        points: Math.max(1, Math.round(DISTANCE_POINTS * (1 - km / (radius * 1.5)))),
      });
    }
  } else if (c.departementCode && o.departementCodes.includes(c.departementCode)) {
    reasons.push({
      kind: 'territory',
      label: `${you ? 'Votre' : 'Dans le'} département (${c.departementCode})`,
      params: { departement: c.departementCode },
      points: DEPARTEMENT_POINTS,
    });
  } else if (c.regionCode && o.regionCodes.includes(c.regionCode)) {
    reasons.push({
      kind: 'territory',
      label: `${you ? 'Votre' : 'Dans la'} région`,
      params: { region: c.regionCode },
      points: REGION_POINTS,
    });
  }

  if (c.sharedNetworks.length) {
    const names = c.sharedNetworks.map((n) => n.name);
    reasons.push({
      kind: 'network',
      label: you ? `Publié par un membre ${de(names.join(', '))}` : `Membre ${de(names.join(', '))}`,
      params: { networks: names.join(', '), count: names.length },
      points: Math.min(MAX_NETWORK_POINTS, c.sharedNetworks.length * NETWORK_POINTS),
    });
  }

  const band = c.headcountBand ? findHeadcountBand(c.headcountBand) : null;
  if (band && band.min !== null && band.min >= 1) {
    const points = band.min >= 250 ? 2 : band.min >= 10 ? 4 : 3;
    reasons.push({
      kind: 'headcount',
      label: `${band.min >= 250 ? 'Entreprise' : 'PME'} de ${band.label}`,
      params: { band: band.code },
      points,
    });
  }

  if (c.pastResponses > 0) {
    reasons.push({
      kind: 'history',
      label: `${you ? 'Vous avez' : 'A'} déjà répondu à ${c.pastResponses} opportunité${c.pastResponses > 1 ? 's' : ''}`,
      params: { count: c.pastResponses },
      points: Math.min(MAX_HISTORY_POINTS, c.pastResponses * 2),
    });
  }

  reasons.sort((a, b) => b.points - a.points);
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

const LEVEL_FR: Record<NafLevel, string> = { class: 'classe', group: 'groupe', division: 'division', section: 'section' };

/** The highest score a pair can reach (for a threshold expressed as a share). */
export const MAX_SCORE = NAF_POINTS.class + MAX_SKILL_POINTS + DISTANCE_POINTS + MAX_NETWORK_POINTS + 4 + MAX_HISTORY_POINTS;
