import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OPPORTUNITY_TYPE_LABELS_FR, type OpportunityType } from '@maillage/contracts';
import { findCommune, findNaf, nafDivision, nafSection } from '@maillage/referentials';
import { AccessPolicy } from '../../core/access/access-policy.service';
import { markdownToText } from '../../core/markdown';
import type { SearchDocument } from '../../core/search/search.types';
import type { SearchSource } from '../../core/search/search-indexer.service';

interface Row {
  id: string;
  type: OpportunityType;
  title: string;
  description: string;
  company_id: string;
  company_name: string;
  naf_codes: string[];
  skills: string[];
  commune_code: string | null;
  departement_codes: string[];
  region_codes: string[];
  lat: number | null;
  lng: number | null;
  deadline: string;
  audience: string;
  networks: { id: string; host: string }[] | null;
  invited: string[] | null;
}

/**
 * Open opportunities as search documents (closed, draft, cancelled and hidden ones have none). Facets: type, deadline
 * (counted by window from the day of the query), sector (first NAF code), territory (commune, else first
 * département and région); the type and deadline also travel in the payload. Audience: AccessPolicy.opportunityAudience; it follows the networks' hosts, so hits are
 * re-checked against the current audience (idsOfNetwork).
 */
@Injectable()
export class OpportunitySearchSource implements SearchSource {
  readonly kind = 'opportunity' as const;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async ids(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM opportunities WHERE status = 'open' AND hidden_at IS NULL AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  async idsOfNetwork(tx: EntityManager, networkId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query('SELECT opportunity_id AS id FROM opportunity_networks WHERE network_id = $1', [
      networkId,
    ]);
    return rows.map((r) => r.id);
  }

  async load(ids: string[], options: { audienceOnly?: boolean } = {}): Promise<SearchDocument[]> {
    const rows: Row[] = await this.db.query(
      `SELECT o.id, o.type, o.title, o.description, o.company_id, COALESCE(c.trade_name, c.legal_name) AS company_name, o.naf_codes, o.skills,
              o.commune_code, o.departement_codes, o.region_codes, o.lat, o.lng, o.deadline::text AS deadline, o.audience,
              (SELECT json_agg(json_build_object('id', n.id, 'host', n.host_organization_id)) FROM opportunity_networks onw
                 JOIN networks n ON n.id = onw.network_id WHERE onw.opportunity_id = o.id) AS networks,
              (SELECT array_agg(i.company_id::text) FROM opportunity_invitations i WHERE i.opportunity_id = o.id) AS invited
       FROM opportunities o JOIN companies c ON c.id = o.company_id
       WHERE o.id = ANY($1::uuid[]) AND o.status = 'open' AND o.hidden_at IS NULL`,
      [ids],
    );
    return rows.map((o) => {
      const { visibility, audience } = this.access.opportunityAudience({
        audience: o.audience,
        companyId: o.company_id,
        networks: (o.networks ?? []).map((n) => ({ id: n.id, hostOrganizationId: n.host })),
        invitedCompanyIds: o.invited ?? [],
      });
      const naf = o.naf_codes[0] ?? null;
      const commune = o.commune_code ? findCommune(o.commune_code) : null;
      return {
        kind: 'opportunity',
        id: o.id,
        visibility,
        audience,
        title: o.title,
        keywords: [OPPORTUNITY_TYPE_LABELS_FR[o.type], ...o.skills, ...o.naf_codes.map((c) => findNaf(c)?.label ?? c)],
        body: options.audienceOnly ? '' : markdownToText(o.description, 5000),
        facets: {
          nafCode: naf,
          nafSection: naf ? (nafSection(naf)?.code ?? null) : null,
          nafDivision: naf ? (nafDivision(naf)?.code ?? null) : null,
          commune: o.commune_code,
          departement: commune?.departement.code ?? o.departement_codes[0] ?? null,
          region: commune?.region.code ?? o.region_codes[0] ?? null,
          opportunityType: o.type,
          deadline: o.deadline,
        },
        location: o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : null,
        payload: {
          type: o.type,
          typeLabel: OPPORTUNITY_TYPE_LABELS_FR[o.type],
          deadline: o.deadline,
          companyName: o.company_name,
          communeName: commune?.name ?? null,
          nafCodes: o.naf_codes,
        },
      };
    });
  }
}
