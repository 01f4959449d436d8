import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../core/access/access-policy.service';
import { epciOfCommune, findCommune, findNaf, nafDivision, nafSection } from '@maillage/referentials';
import type { SearchDocument } from '../../core/search/search.types';
import type { SearchSource } from '../../core/search/search-indexer.service';
import { fileUrl } from '../../core/storage/file-url';

export interface CompanyRow {
  id: string;
  siret: string;
  legal_name: string;
  trade_name: string | null;
  naf_code: string | null;
  headcount_band: string | null;
  postal_code: string | null;
  commune_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  lat: number | null;
  lng: number | null;
  description: string | null;
  logo_file_id: string | null;
  network_ids: string[];
  offers: { kind: 'offer' | 'need'; label: string; description: string | null; skills: string[] }[];
}

interface ExpertRow {
  id: string;
  first_name: string;
  last_name: string;
  job_title: string | null;
  bio: string | null;
  skills: string[];
  languages: string[];
  expertise_domains: string[];
  areas_served: string[];
  photo_file_id: string | null;
  companies: string[];
}

/** Keyset pagination on the primary key (two statements, so that the index is used). */
async function pageOfIds(
  db: DataSource,
  table: 'companies' | 'people',
  where: string,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] =
    afterId === null
      ? await db.query(`SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT $1`, [limit])
      : await db.query(`SELECT id FROM ${table} WHERE ${where} AND id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
  return rows.map((r) => r.id);
}

/** Companies as search documents: name, activity, offers and needs, place. */
@Injectable()
export class CompanySearchSource implements SearchSource {
  readonly kind = 'company' as const;

  constructor(private readonly db: DataSource) {}

  ids(afterId: string | null, limit: number): Promise<string[]> {
    return pageOfIds(this.db, 'companies', 'true', afterId, limit);
  }

  async load(ids: string[]): Promise<SearchDocument[]> {
    const rows: CompanyRow[] = await this.db.query(
      `SELECT c.id, c.siret, c.legal_name, c.trade_name, c.naf_code, c.headcount_band, c.postal_code, c.commune_code,
              c.departement_code, c.region_code, COALESCE(c.lat, g.lat) AS lat, COALESCE(c.lng, g.lng) AS lng, c.description,
              c.logo_file_id,
              -- The membership facet: public networks only (their member lists are public).
              ARRAY(SELECT m.network_id FROM network_memberships m JOIN networks n ON n.id = m.network_id
                    WHERE m.company_id = c.id AND m.status = 'active' AND n.visibility = 'public' ORDER BY m.network_id) AS network_ids,
              COALESCE((SELECT json_agg(json_build_object('kind', o.kind, 'label', o.label, 'description', o.description, 'skills', o.skills)
                                 ORDER BY o.created_at, o.id)
                        FROM company_offers o WHERE o.company_id = c.id), '[]'::json) AS offers
       FROM companies c LEFT JOIN commune_geo g ON g.code = c.commune_code AND c.lat IS NULL
       WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((c) => companyDocument(c));
  }
}

/** The passages of a body, each once: an offer often repeats the company's description, and a snippet would show it twice. */
export function distinctPassages(passages: readonly (string | null | undefined)[]): string[] {
  const kept: { text: string; key: string }[] = [];
  const keyOf = (text: string) =>
    text
      .toLowerCase()
      .replace(/[\s.;,:!?…]+/g, ' ')
      .trim();
  for (const passage of passages) {
    const text = passage?.trim();
    if (!text) continue;
    const key = keyOf(text);
    if (kept.some((k) => k.key.includes(key))) continue;
    // A longer passage that holds an earlier one takes its place.
    const held = kept.findIndex((k) => key.includes(k.key));
    if (held >= 0) kept.splice(held, 1);
    kept.push({ text, key });
  }
  return kept.map((k) => k.text);
}

export function companyDocument(c: CompanyRow): SearchDocument {
  const naf = c.naf_code ? findNaf(c.naf_code) : null;
  const commune = c.commune_code ? findCommune(c.commune_code) : null;
  const name = c.trade_name ?? c.legal_name;
  const offers = c.offers.filter((o) => o.kind === 'offer');
  const needs = c.offers.filter((o) => o.kind === 'need');
  const keywords = [
    ...(c.trade_name && c.trade_name !== c.legal_name ? [c.legal_name] : []),
    ...(naf ? [naf.label] : []),
    ...offers.map((o) => o.label),
    ...offers.flatMap((o) => o.skills),
  ];
  const body = distinctPassages([
    c.description,
    ...offers.map((o) => o.description),
    ...needs.map((o) => `${/^recherch/i.test(o.label) ? '' : 'Recherche : '}${o.label}. ${o.description ?? ''} ${o.skills.join(', ')}`),
    commune ? `${commune.name} ${commune.departement.name}` : null,
  ]).join('\n');
  return {
    kind: 'company',
    id: c.id,
    visibility: 'public',
    audience: [],
    title: name,
    keywords: [...new Set(keywords)],
    body,
    facets: {
      nafCode: naf?.code ?? null,
      nafSection: naf ? (nafSection(naf.code)?.code ?? null) : null,
      nafDivision: naf ? (nafDivision(naf.code)?.code ?? null) : null,
      departement: c.departement_code,
      region: c.region_code,
      epci: c.commune_code ? (epciOfCommune(c.commune_code)?.code ?? null) : null,
      commune: commune?.code ?? c.commune_code,
      headcount: c.headcount_band,
      networkIds: c.network_ids,
    },
    location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
    payload: {
      siret: c.siret,
      legalName: c.legal_name,
      nafCode: naf?.code ?? null,
      nafLabel: naf?.label ?? null,
      postalCode: c.postal_code,
      communeCode: commune?.code ?? null,
      communeName: commune?.name ?? null,
      departementCode: c.departement_code,
      headcountBand: c.headcount_band,
      logoUrl: fileUrl(c.logo_file_id),
      offers: offers.slice(0, 5).map((o) => o.label),
      needs: needs.slice(0, 5).map((o) => o.label),
    },
  };
}

/** People who declared themselves experts (public profiles). */
@Injectable()
export class ExpertSearchSource implements SearchSource {
  readonly kind = 'expert' as const;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  ids(afterId: string | null, limit: number): Promise<string[]> {
    return pageOfIds(this.db, 'people', `is_expert AND ${this.access.publicExpertSql('people.id')}`, afterId, limit);
  }

  async load(ids: string[]): Promise<SearchDocument[]> {
    const rows: ExpertRow[] = await this.db.query(
      `SELECT p.id, p.first_name, p.last_name, p.job_title, p.bio, p.skills, p.languages, p.expertise_domains, p.areas_served,
              p.photo_file_id,
              ARRAY(SELECT COALESCE(c.trade_name, c.legal_name) FROM company_members m JOIN companies c ON c.id = m.company_id
                    WHERE m.person_id = p.id ORDER BY m.created_at) AS companies
       FROM people p WHERE p.id = ANY($1::uuid[]) AND p.is_expert AND ${this.access.publicExpertSql('p.id')}`,
      [ids],
    );
    return rows.map((p) => ({
      kind: 'expert',
      id: p.id,
      visibility: 'public',
      audience: [],
      title: `${p.first_name} ${p.last_name}`,
      keywords: [...p.expertise_domains, ...p.skills, ...(p.job_title ? [p.job_title] : [])],
      body: [p.bio, p.areas_served.join(', '), p.companies.join(', '), p.languages.join(', ')].filter(Boolean).join('\n'),
      facets: {},
      location: null,
      payload: {
        firstName: p.first_name,
        lastName: p.last_name,
        jobTitle: p.job_title,
        photoUrl: fileUrl(p.photo_file_id),
        skills: p.skills,
        expertiseDomains: p.expertise_domains,
        areasServed: p.areas_served,
        companies: p.companies,
      },
    }));
  }
}
