import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NetworkJoinPolicy, NetworkMaturity, NetworkType, NetworkVisibility } from '@maillage/contracts';
import { findCommune, findDepartement, findNaf, findRegion, nafDivision, nafSection } from '@maillage/referentials';
import { networkAudience } from '../../core/access/access-policy.service';
import type { SearchDocument } from '../../core/search/search.types';
import type { SearchSource } from '../../core/search/search-indexer.service';
import { fileUrl } from '../../core/storage/file-url';

interface NetworkRow {
  id: string;
  name: string;
  slug: string;
  type: NetworkType;
  visibility: NetworkVisibility;
  join_policy: NetworkJoinPolicy;
  description: string | null;
  maturity: NetworkMaturity;
  themes: string[];
  naf_codes: string[];
  commune_codes: string[];
  departement_codes: string[];
  region_codes: string[];
  logo_file_id: string | null;
  host_organization_id: string;
  host_name: string;
  member_count: number;
}

/** One value of a list for a single-valued facet: the only one, else none (a network spanning several is not "in" one). */
const single = (values: string[]) => (values.length === 1 ? values[0] : null);

/**
 * Networks as search documents. Public and private networks show their card to everyone; secret ones
 * are restricted to their members, invitees and host staff (AccessPolicy.searchAudience keys).
 */
@Injectable()
export class NetworkSearchSource implements SearchSource {
  readonly kind = 'network' as const;

  constructor(private readonly db: DataSource) {}

  async ids(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] =
      afterId === null
        ? await this.db.query('SELECT id FROM networks ORDER BY id LIMIT $1', [limit])
        : await this.db.query('SELECT id FROM networks WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
    return rows.map((r) => r.id);
  }

  async load(ids: string[]): Promise<SearchDocument[]> {
    const rows: NetworkRow[] = await this.db.query(
      `SELECT n.id, n.name, n.slug, n.type, n.visibility, n.join_policy, n.description, n.maturity, n.themes, n.naf_codes,
              n.commune_codes, n.departement_codes, n.region_codes, n.logo_file_id, n.host_organization_id, o.name AS host_name,
              (SELECT count(*)::int FROM network_memberships m WHERE m.network_id = n.id AND m.status = 'active') AS member_count
       FROM networks n JOIN organizations o ON o.id = n.host_organization_id WHERE n.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((n) => {
      const sectors = n.naf_codes.map((code) => findNaf(code)).filter((naf) => naf !== null);
      const places = [
        ...n.commune_codes.map((c) => findCommune(c)?.name),
        ...n.departement_codes.map((c) => findDepartement(c)?.name),
        ...n.region_codes.map((c) => findRegion(c)?.name),
      ].filter((p): p is string => Boolean(p));
      const secret = n.visibility === 'secret';
      const naf = single(n.naf_codes);
      const departement =
        single(n.departement_codes) ?? (n.commune_codes.length === 1 ? (findCommune(n.commune_codes[0])?.departement.code ?? null) : null);
      return {
        kind: 'network',
        id: n.id,
        visibility: secret ? 'restricted' : 'public',
        audience: secret ? networkAudience(n.id, n.host_organization_id) : [],
        title: n.name,
        keywords: [...n.themes, ...sectors.map((s) => s.label)],
        body: [n.description, n.host_name, places.join(', ')].filter(Boolean).join('\n'),
        facets: {
          nafCode: naf,
          nafSection: naf ? (nafSection(naf)?.code ?? null) : null,
          nafDivision: naf ? (nafDivision(naf)?.code ?? null) : null,
          departement,
          region: single(n.region_codes) ?? (departement ? (findDepartement(departement)?.region.code ?? null) : null),
          commune: single(n.commune_codes),
          networkType: n.type,
          maturity: n.maturity,
        },
        location: null,
        payload: {
          slug: n.slug,
          type: n.type,
          visibility: n.visibility,
          joinPolicy: n.join_policy,
          maturity: n.maturity,
          logoUrl: fileUrl(n.logo_file_id),
          hostName: n.host_name,
          places: places.slice(0, 5),
          themes: n.themes.slice(0, 5),
          // Members are counted on the card only where everyone may see the member list.
          memberCount: n.visibility === 'public' ? n.member_count : null,
        },
      };
    });
  }
}
