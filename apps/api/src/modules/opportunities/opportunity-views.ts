import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OpportunityCompanyRef, OpportunityListItem } from '@maillage/contracts';
import { findCommune } from '@maillage/referentials';
import { AppException } from '../../core/errors/app-exception';

export const OPPORTUNITY = 'Opportunity';

/** Today in Europe/Paris (YYYY-MM-DD): deadlines are French calendar days. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const dateOnly = (d: string | Date): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

interface CompanyRow {
  id: string;
  name: string;
  commune_code: string | null;
  naf_code: string | null;
}

const companyRef = (r: CompanyRow): OpportunityCompanyRef => ({
  id: r.id,
  name: r.name,
  communeName: r.commune_code ? (findCommune(r.commune_code)?.name ?? null) : null,
  nafCode: r.naf_code,
});

/** The value read for a key the caller has just loaded (a company of a row it read in the same request). */
export function loaded<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Not loaded: ${String(key)}`);
  return value;
}

/** Card views of opportunities and companies, shared by the publishing and matching services. */
@Injectable()
export class OpportunityViews {
  constructor(private readonly db: DataSource) {}

  async listItems(rows: ListRow[]): Promise<OpportunityListItem[]> {
    const companies = new Map((await this.companies([...new Set(rows.map((r) => r.company_id))])).map((c) => [c.id, c]));
    return this.itemsOf(rows, companies);
  }

  /** Card views of rows that carry their company (`company_name`, `company_commune`, `company_naf`): no second read. */
  itemsWithCompany(
    rows: (ListRow & { company_name: string; company_commune: string | null; company_naf: string | null })[],
  ): OpportunityListItem[] {
    const companies = new Map(
      rows.map((r) => [
        r.company_id,
        companyRef({ id: r.company_id, name: r.company_name, commune_code: r.company_commune, naf_code: r.company_naf }),
      ]),
    );
    return this.itemsOf(rows, companies);
  }

  private itemsOf(rows: ListRow[], companies: Map<string, OpportunityCompanyRef>): OpportunityListItem[] {
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      title: r.title,
      status: r.status,
      audience: r.audience,
      deadline: dateOnly(r.deadline),
      company: loaded(companies, r.company_id),
      nafCodes: r.naf_codes,
      skills: r.skills,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    }));
  }

  async companies(ids: readonly string[]): Promise<OpportunityCompanyRef[]> {
    if (!ids.length) return [];
    const rows: CompanyRow[] = await this.db.query(
      'SELECT id, COALESCE(trade_name, legal_name) AS name, commune_code, naf_code FROM companies WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, companyRef(r)]));
    return ids.map((id) => byId.get(id)).filter((c): c is OpportunityCompanyRef => c !== undefined);
  }

  async assertCompany(id: string): Promise<void> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM companies WHERE id = $1', [id]);
    if (!rows.length) throw AppException.notFound('Company');
  }
}

export interface ListRow {
  id: string;
  type: OpportunityListItem['type'];
  title: string;
  status: OpportunityListItem['status'];
  audience: OpportunityListItem['audience'];
  deadline: string;
  company_id: string;
  naf_codes: string[];
  skills: string[];
  published_at: Date | null;
}
