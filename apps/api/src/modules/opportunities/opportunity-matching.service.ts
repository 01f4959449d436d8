import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OpportunityMatch, OpportunitySuggestion } from '@maillage/contracts';
import { findCommune, listNaf } from '@maillage/referentials';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { preparedQuery } from '../../core/database/prepared-query';
import { AppException } from '../../core/errors/app-exception';
import { scoreMatch, type MatchCompany, type MatchOpportunity } from './matching';
import { type ListRow, OPPORTUNITY, OpportunityViews, parisToday } from './opportunity-views';

/**
 * Candidates per source before the exact score: the nearest companies of the opportunity's NAF class (then group,
 * then division, each read only when the previous level left room), and as many sharing a skill or a NAF code
 * through their offers. Only these are explained; see the module README for why this ranks like a full scan.
 */
const CANDIDATES = 60;
export const MATCHES = 20;

/** The NAF sub-classes sharing the class, the group (not the class) and the division (not the group) of some codes. */
export function nafTiers(codes: readonly string[]): { class: string[]; group: string[]; division: string[] } {
  const classes = new Set(codes.map((c) => c.slice(0, 5)));
  const groups = new Set(codes.map((c) => c.slice(0, 4)));
  const divisions = new Set(codes.map((c) => c.slice(0, 2)));
  const tiers = { class: [] as string[], group: [] as string[], division: [] as string[] };
  for (const { code } of listNaf()) {
    if (classes.has(code.slice(0, 5))) tiers.class.push(code);
    else if (groups.has(code.slice(0, 4))) tiers.group.push(code);
    else if (divisions.has(code.slice(0, 2))) tiers.division.push(code);
  }
  return tiers;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A skill list as the index may hold it: as written, in lower case and capitalised (GIN array overlap is exact). */
const skillVariants = (skills: readonly string[]) => [
  ...new Set(skills.flatMap((s) => [s, s.toLowerCase(), s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()])),
];

interface CandidateRow {
  id: string;
  name: string;
  naf_code: string | null;
  headcount_band: string | null;
  commune_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  lat: number | null;
  lng: number | null;
  /** Per offer: its NAF codes and its skills (one index scan per company, flattened here). */
  offer_naf: string[][] | null;
  offer_skills: string[][] | null;
  offer_labels: string[] | null;
  shared: { id: string; name: string }[] | null;
  responses: number;
}

interface OpportunityRow {
  id: string;
  company_id: string;
  audience: string;
  naf_codes: string[];
  skills: string[];
  lat: number | null;
  lng: number | null;
  radius_km: number | null;
  departement_codes: string[];
  region_codes: string[];
}

const matchOpportunity = (o: OpportunityRow): MatchOpportunity => ({
  nafCodes: o.naf_codes,
  skills: o.skills,
  lat: o.lat,
  lng: o.lng,
  radiusKm: o.radius_km,
  departementCodes: o.departement_codes,
  regionCodes: o.region_codes,
});

const flat = (lists: string[][] | null): string[] => [...new Set((lists ?? []).flat())];

const matchCompany = (c: CandidateRow): MatchCompany => ({
  nafCode: c.naf_code,
  offerNafCodes: flat(c.offer_naf),
  offerSkills: flat(c.offer_skills),
  offerLabels: c.offer_labels ?? [],
  headcountBand: c.headcount_band,
  lat: c.lat,
  lng: c.lng,
  departementCode: c.departement_code,
  regionCode: c.region_code,
  sharedNetworks: c.shared ?? [],
  pastResponses: c.responses,
});

/**
 * The one matching engine at work (scoring in matching.ts): the companies that fit an opportunity, and the
 * opportunities that fit a company. SQL narrows the candidates (same NAF section, or an offer sharing a skill or a
 * NAF code) and keeps only those in the opportunity's audience; the exact score and its reasons are computed here.
 * Offers are read from the directory's `company_offers` table.
 */
@Injectable()
export class OpportunityMatchingService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly views: OpportunityViews,
  ) {}

  /**
   * The SQL of a company's matching data (alias `c`): its offers, the networks among `nets` (a uuid[] expression: the
   * other side's active networks) it is an active member of, its past responses.
   */
  private companyColumns(nets: string): string {
    return `c.id, COALESCE(c.trade_name, c.legal_name) AS name, c.naf_code, c.headcount_band, c.commune_code, c.departement_code, c.region_code, c.lat, c.lng,
      offers.naf AS offer_naf, offers.skills AS offer_skills, offers.labels AS offer_labels,
      (SELECT json_agg(json_build_object('id', n.id, 'name', n.name) ORDER BY n.name) FROM network_memberships a JOIN networks n ON n.id = a.network_id
        WHERE a.company_id = c.id AND a.status = 'active' AND a.network_id = ANY(${nets})) AS shared,
      (SELECT count(*)::int FROM opportunity_responses r WHERE r.company_id = c.id) AS responses`;
  }

  /** The lateral join that companyColumns reads offers from (one index scan per company). */
  private readonly offersJoin = `LEFT JOIN LATERAL (SELECT json_agg(f.naf_codes) AS naf, json_agg(f.skills) AS skills, array_agg(f.label) AS labels
    FROM company_offers f WHERE f.company_id = c.id AND f.kind = 'offer') offers ON TRUE`;

  /** A company's active networks, as a SQL expression (uuid[]) on a placeholder. */
  private networksOf(company: string): string {
    return `ARRAY(SELECT network_id FROM network_memberships WHERE company_id = ${company} AND status = 'active')`;
  }

  /** The companies that fit an opportunity, best first (its publisher's owners and admins). */
  async companiesFor(actor: Actor, opportunityId: string, limit = MATCHES): Promise<OpportunityMatch[]> {
    const [o]: OpportunityRow[] = UUID.test(opportunityId)
      ? await preparedQuery<OpportunityRow>(this.db, 'SELECT * FROM opportunities WHERE id = $1', [opportunityId])
      : [];
    // Its managers always see it: the visibility check only decides between 404 and 403 for everyone else.
    if (o && (await this.access.canManageOpportunity(actor, { companyId: o.company_id }))) return this.rankCompanies(o, limit);
    if (!o || !(await this.access.canSeeOpportunity(actor, opportunityId))) throw AppException.notFound(OPPORTUNITY);
    throw AppException.forbidden();
  }

  /** Ranked companies for an opportunity row (also the notifier's audience), within its audience only. */
  async rankCompanies(o: OpportunityRow, limit: number): Promise<OpportunityMatch[]> {
    const tiers = nafTiers(o.naf_codes);
    // A restricted audience is small: candidates are read among its companies only (the audience condition below
    // stays the rule; this only keeps the candidates from being spent on companies it would drop).
    const within = o.audience === 'public' ? '' : `AND c.id IN (${this.access.opportunityAudienceCompanyIdsSql('$1::uuid')})`;
    const near = `(CASE WHEN c.lat IS NULL OR $3::float8 IS NULL THEN 1e9 ELSE (c.lat - $3::float8) ^ 2 + ((c.lng - $4::float8) * 0.7) ^ 2 END)`;
    const tier = (codes: string) =>
      `(SELECT c.id FROM companies c WHERE c.naf_code = ANY(${codes}::varchar[]) AND c.id <> $2::uuid ${within} ORDER BY ${near}, c.id LIMIT ${CANDIDATES})`;
    // Prepared (a fixed text per audience kind): planning this statement cost as much as running it.
    const rows = await preparedQuery<CandidateRow>(
      this.db,
      `WITH cand AS (
         SELECT id FROM (${tier('$5')} UNION ALL ${tier('$6')} UNION ALL ${tier('$7')}
           UNION ALL (SELECT f.company_id FROM company_offers f JOIN companies c ON c.id = f.company_id
                      WHERE f.kind = 'offer' AND (f.naf_codes && $8::varchar[] OR f.skills && $9::text[]) AND f.company_id <> $2::uuid ${within} LIMIT ${CANDIDATES})
         ) closest LIMIT ${CANDIDATES})
       SELECT ${this.companyColumns(this.networksOf('$2::uuid'))}
       FROM (SELECT DISTINCT id FROM cand) cand JOIN companies c ON c.id = cand.id JOIN opportunities o ON o.id = $1 ${this.offersJoin}
       WHERE ${this.access.opportunityAudienceCompaniesCondition('c', 'o')}`,
      [o.id, o.company_id, o.lat, o.lng, tiers.class, tiers.group, tiers.division, o.naf_codes, skillVariants(o.skills)],
    );
    const opportunity = matchOpportunity(o);
    return rows
      .map((c) => ({ c, ...scoreMatch(opportunity, matchCompany(c), 'publisher') }))
      .filter((m) => m.score > 0)
      .sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name, 'fr') || a.c.id.localeCompare(b.c.id))
      .slice(0, limit)
      .map(({ c, score, reasons }) => ({
        company: {
          id: c.id,
          name: c.name,
          communeName: c.commune_code ? (findCommune(c.commune_code)?.name ?? null) : null,
          nafCode: c.naf_code,
          headcountBand: c.headcount_band,
        },
        score,
        reasons,
      }));
  }

  /** "Opportunities for my company": open ones in its audience that the caller sees, best first (the company's people). */
  async suggestionsFor(
    actor: MaybeActor,
    companyId: string,
    limit = MATCHES,
    publishedSince: Date | null = null,
  ): Promise<OpportunitySuggestion[]> {
    if (!actor || !(this.access.isPlatformAdmin(actor) || (await this.access.companyRole(actor, companyId)) !== null)) {
      await this.views.assertCompany(companyId);
      throw AppException.forbidden();
    }
    const [company] = await preparedQuery<CandidateRow>(
      this.db,
      `SELECT ${this.companyColumns(this.networksOf('$1::uuid'))} FROM companies c ${this.offersJoin} WHERE c.id = $1`,
      [companyId],
    );
    if (!company) throw AppException.notFound('Company');
    const mine = matchCompany(company);
    const tiers = nafTiers([...(company.naf_code ? [company.naf_code] : []), ...mine.offerNafCodes]);
    const params: unknown[] = [
      companyId,
      parisToday(),
      company.lat,
      company.lng,
      tiers.class,
      tiers.group,
      tiers.division,
      skillVariants(mine.offerSkills),
    ];
    const bind = (v: unknown) => `$${params.push(v)}`;
    // The weekly e-mail asks for the new ones only (among the candidates, or older ones would crowd them out).
    const fresh = publishedSince ? `AND o.published_at > ${bind(publishedSince)}::timestamptz` : '';
    const open = `o.status = 'open' AND o.hidden_at IS NULL AND o.deadline >= $2::date AND o.company_id <> $1::uuid ${fresh}`;
    const near = `(CASE WHEN o.lat IS NULL OR $3::float8 IS NULL THEN 1e9 ELSE (o.lat - $3::float8) ^ 2 + ((o.lng - $4::float8) * 0.7) ^ 2 END)`;
    // The nearest open ones of the company's NAF classes, then groups, then divisions, then those sharing a skill with
    // its offers (GIN indexes; a level is read only when the previous ones left room).
    const tier = (where: string) =>
      `(SELECT o.id FROM opportunities o WHERE ${where} AND ${open} ORDER BY ${near}, o.id LIMIT ${CANDIDATES})`;
    // Prepared (its text varies only with the kind of caller): planning it cost more than running it.
    const rows = await preparedQuery<
      OpportunityRow &
        ListRow & {
          shared: { id: string; name: string }[] | null;
          company_name: string;
          company_commune: string | null;
          company_naf: string | null;
        }
    >(
      this.db,
      `WITH cand AS (
         SELECT id FROM (${tier('o.naf_codes && $5::varchar[]')} UNION ALL ${tier('o.naf_codes && $6::varchar[]')}
           UNION ALL ${tier('o.naf_codes && $7::varchar[]')} UNION ALL ${tier('o.skills && $8::text[]')}) closest LIMIT ${CANDIDATES})
       SELECT o.id, o.company_id, o.type, o.title, o.status, o.audience, o.deadline::text AS deadline, o.naf_codes, o.skills, o.published_at,
              o.lat, o.lng, o.radius_km, o.departement_codes, o.region_codes,
              COALESCE(pc.trade_name, pc.legal_name) AS company_name, pc.commune_code AS company_commune, pc.naf_code AS company_naf,
              (SELECT json_agg(json_build_object('id', n.id, 'name', n.name) ORDER BY n.name) FROM network_memberships a JOIN networks n ON n.id = a.network_id
                WHERE a.company_id = o.company_id AND a.status = 'active' AND a.network_id = ANY(${this.networksOf('$1::uuid')})) AS shared
       FROM (SELECT DISTINCT id FROM cand) cand JOIN opportunities o ON o.id = cand.id JOIN companies c ON c.id = $1 JOIN companies pc ON pc.id = o.company_id
       WHERE ${this.access.opportunityAudienceCompaniesCondition('c', 'o')} AND ${this.access.visibleOpportunitiesCondition(actor, bind)}`,
      params,
    );
    const scored = rows
      .map((o) => ({ o, ...scoreMatch(matchOpportunity(o), { ...mine, sharedNetworks: o.shared ?? [] }, 'candidate') }))
      .filter((m) => m.score > 0)
      .sort((a, b) => b.score - a.score || a.o.deadline.localeCompare(b.o.deadline) || a.o.id.localeCompare(b.o.id))
      .slice(0, limit);
    const items = this.views.itemsWithCompany(scored.map((s) => s.o));
    return scored.map((s, i) => ({ opportunity: items[i], score: s.score, reasons: s.reasons }));
  }
}
