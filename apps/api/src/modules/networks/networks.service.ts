import { Injectable } from '@nestjs/common';
import { type UploadSource } from '../../core/storage/upload-source';
import { DataSource, EntityManager } from 'typeorm';
import { findDepartement, listDepartements } from '@maillage/referentials';
import type {
  FederationChildRequest,
  FederationLinkStatus,
  FederationParentRequest,
  MembershipEventView,
  MembershipRole,
  MembershipStatus,
  NetworkChild,
  NetworkMaturity,
  NetworkType,
  NetworkVisibility,
  Network as NetworkView,
  NetworkMember,
  NetworkPerson,
  Page,
} from '@maillage/contracts';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { ModerationService } from '../moderation/moderation.service';
import { renderMarkdown } from '../../core/markdown';
import { FilesService } from '../../core/storage/files.service';
import { fileUrl } from '../../core/storage/file-url';
import type { ChangeRoleDto, InviteDto, JoinDto, NetworkDto, NetworkListQueryDto, SetParentsDto } from './dto/network.dto';
import { MembershipEvent } from './entities/membership-event.entity';
import { Membership } from './entities/membership.entity';
import { Network } from './entities/network.entity';
import { ForumsService } from '../forums/forums.service';
import { networkMemberPeopleFrom } from '../../core/access/network-standing.sql';
import { NetworkNotifier } from './network-notifier';
import { companyPeopleSql } from '../../core/access/company-members.sql';

const NETWORK = 'Network';
const MEMBERSHIP = 'Membership';
const FEDERATION_REQUEST = 'Federation request';

interface NetworkRow {
  id: string;
  name: string;
  slug: string;
  type: NetworkView['type'];
  visibility: NetworkView['visibility'];
  join_policy: NetworkView['joinPolicy'];
  description: string | null;
  charter: string | null;
  logo_file_id: string | null;
  cover_file_id: string | null;
  commune_codes: string[];
  epci_codes: string[];
  departement_codes: string[];
  region_codes: string[];
  naf_codes: string[];
  themes: string[];
  maturity: NetworkView['maturity'];
  host_organization_id: string;
  referent_organization_id: string | null;
  created_at: Date;
  updated_at: Date;
  parent_ids: string[] | null;
  member_count: string;
}

const NETWORK_COLUMNS = `n.id, n.name, n.slug, n.type, n.visibility, n.join_policy, n.description, n.charter, n.logo_file_id, n.cover_file_id, n.commune_codes, n.epci_codes,
  n.departement_codes, n.region_codes, n.naf_codes, n.themes, n.maturity, n.host_organization_id, n.referent_organization_id,
  n.created_at, n.updated_at,
  (SELECT array_agg(p.parent_id ORDER BY p.parent_id) FROM network_parents p WHERE p.network_id = n.id AND p.status = 'accepted') AS parent_ids,
  (SELECT count(*) FROM network_memberships m WHERE m.network_id = n.id AND m.status = 'active') AS member_count`;

function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `network-${slug}`.replace(/-+$/, '');
}

/**
 * The directory's territory filters (département, région): a network touches a département when it
 * lists it, one of its communes, or its région; a région when it lists it, one of its départements or
 * one of their communes.
 */
function territoryConditions(query: NetworkListQueryDto, param: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  const communeIn = (departements: string) =>
    `EXISTS (SELECT 1 FROM unnest(n.commune_codes) c WHERE left(c, 2) = ANY(${departements}) OR left(c, 3) = ANY(${departements}))`;
  if (query.departement) {
    const code = param([query.departement]);
    const region = param([findDepartement(query.departement)?.region.code ?? ''].filter(Boolean));
    conditions.push(`(n.departement_codes && ${code}::text[] OR ${communeIn(`${code}::text[]`)} OR n.region_codes && ${region}::text[])`);
  }
  if (query.region) {
    const departements = param(
      listDepartements()
        .filter((d) => d.region.code === query.region)
        .map((d) => d.code),
    );
    conditions.push(
      `(${param(query.region)} = ANY(n.region_codes) OR n.departement_codes && ${departements}::text[] OR ${communeIn(`${departements}::text[]`)})`,
    );
  }
  return conditions;
}

/** A network as the steering pages show it (see NetworksService.steeringSummaries). */
export interface SteeringNetworkSummary {
  id: string;
  name: string;
  slug: string;
  type: NetworkType;
  visibility: NetworkVisibility;
  maturity: NetworkMaturity;
  host_organization_id: string;
  host_name: string;
  referent_organization_id: string | null;
  referent_name: string | null;
  departement_codes: string[];
  region_codes: string[];
  epci_codes: string[];
  commune_codes: string[];
}

@Injectable()
export class NetworksService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly files: FilesService,
    private readonly notifier: NetworkNotifier,
    private readonly forums: ForumsService,
    private readonly moderation: ModerationService,
    private readonly realtime: RealtimeService,
    private readonly search: SearchIndexer,
  ) {}

  // ---------- networks ----------

  async list(actor: MaybeActor, query: NetworkListQueryDto): Promise<Page<NetworkView>> {
    const params: unknown[] = [];
    const where = [this.access.visibleNetworksCondition(actor, (value) => `$${params.push(value)}`)];
    if (query.type) where.push(`n.type = $${params.push(query.type)}`);
    if (query.visibility) where.push(`n.visibility = $${params.push(query.visibility)}`);
    if (query.maturity) where.push(`n.maturity = $${params.push(query.maturity)}`);
    if (query.q) where.push(`n.name ILIKE $${params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    where.push(...territoryConditions(query, (value) => `$${params.push(value)}`));
    const condition = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM networks n WHERE ${condition}`, params);
    const limit = params.push(query.pageSize);
    const offset = params.push((query.page - 1) * query.pageSize);
    const rows: NetworkRow[] = await this.db.query(
      `SELECT ${NETWORK_COLUMNS} FROM networks n WHERE ${condition} ORDER BY n.name, n.id LIMIT $${limit} OFFSET $${offset}`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const standings = await this.access.networkStandings(actor, ids);
    const mine = await this.myMemberships(actor, ids);
    // Re-checked through the policy (the SQL condition above is the same policy, applied in the query).
    const items = rows
      .filter((row) => this.access.canSeeNetwork(standings.get(row.id) ?? null))
      .map((row) =>
        this.toView(
          row,
          standings.get(row.id) ?? null,
          mine.filter((m) => m.networkId === row.id).map(({ networkId: _, ...m }) => m),
        ),
      );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: MaybeActor, id: string): Promise<NetworkView> {
    const standing = await this.visibleStanding(actor, id);
    const [row]: NetworkRow[] = await this.db.query(`SELECT ${NETWORK_COLUMNS} FROM networks n WHERE n.id = $1`, [id]);
    if (!row) throw AppException.notFound(NETWORK);
    const mine = (await this.myMemberships(actor, [id])).map(({ networkId: _, ...m }) => m);
    const view = this.toView(row, standing, mine);
    if (view.canManage) view.parentRequests = await this.parentRequests(id);
    return view;
  }

  /** The network's own requests to join federations that are not accepted (pending or refused), for its managers. */
  private async parentRequests(id: string): Promise<FederationParentRequest[]> {
    const rows: { parent_id: string; name: string; status: 'pending' | 'refused'; created_at: Date }[] = await this.db.query(
      `SELECT p.parent_id, n.name, p.status, p.created_at FROM network_parents p JOIN networks n ON n.id = p.parent_id
       WHERE p.network_id = $1 AND p.status <> 'accepted' ORDER BY n.name, n.id`,
      [id],
    );
    return rows.map((r) => ({ parentId: r.parent_id, parentName: r.name, status: r.status, requestedAt: r.created_at.toISOString() }));
  }

  /** A network by its address ('club-du-forez'); a hidden one is a 404 like a missing one. */
  async getBySlug(actor: MaybeActor, slug: string): Promise<NetworkView> {
    // A former address leads to the network too (its current address wins should another network have taken it).
    const [{ id }]: { id: string | null }[] = await this.db.query(
      'SELECT COALESCE((SELECT id FROM networks WHERE slug = $1), (SELECT network_id FROM network_former_slugs WHERE slug = $1)) AS id',
      [slug],
    );
    if (!id) throw AppException.notFound(NETWORK);
    return this.get(actor, id);
  }

  async create(actor: Actor, dto: NetworkDto): Promise<NetworkView> {
    await this.access.assert(this.access.canCreateNetwork(actor, dto.hostOrganizationId));
    const id = await this.write(async (tx) => {
      const values = await this.checkInput(tx, dto, null);
      const created = (await tx.save(Network, tx.create(Network, values))).id;
      await this.forums.createDefaultCategory(tx, created);
      await this.search.enqueue(tx, 'network', [created]);
      return created;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: NetworkDto): Promise<NetworkView> {
    const standing = await this.manageableStanding(actor, id);
    if (dto.hostOrganizationId !== standing.hostOrganizationId) {
      await this.access.assert(this.access.canCreateNetwork(actor, dto.hostOrganizationId));
    }
    await this.write(async (tx) => {
      const [{ slug: formerSlug }]: { slug: string }[] = await tx.query('SELECT slug FROM networks WHERE id = $1', [id]);
      const values = await this.checkInput(tx, dto, id, formerSlug);
      await tx.update(Network, id, values);
      if (values.slug !== formerSlug) {
        await tx.query(
          `INSERT INTO network_former_slugs (slug, network_id) VALUES ($1, $2)
           ON CONFLICT (slug) DO UPDATE SET network_id = excluded.network_id, created_at = now()`,
          [formerSlug, id],
        );
      }
      // A visibility change goes first, with the companies whose membership facet it changes.
      const privacy = values.visibility !== undefined && values.visibility !== standing.visibility;
      await this.search.enqueue(tx, 'network', [id], { priority: privacy ? 0 : 1 });
      if (privacy) await this.enqueueMemberCompanies(tx, id);
      // Topics', events' and library documents' audiences name the network's visibility and its host.
      if (privacy || (values.hostOrganizationId !== undefined && values.hostOrganizationId !== standing.hostOrganizationId)) {
        await this.search.reindexNetwork(tx, id);
      }
    });
    return this.get(actor, id);
  }

  /**
   * The federations this network asks to belong to: a new parent is a request that the parent's managers accept
   * (AccessPolicy.canDecideFederationRequest), linked at once when the caller manages the parent too; a refused one
   * listed again is asked again; parents left out of the list are left (or their requests withdrawn). Refuses cycles
   * and networks the caller may not see.
   */
  async setParents(actor: Actor, id: string, dto: SetParentsDto): Promise<NetworkView> {
    await this.manageableStanding(actor, id);
    const parentIds = [...new Set(dto.parentIds)];
    const invalid = (message: string) => AppException.badRequest('INVALID_PARENT', message, [{ field: 'parentIds', messages: [message] }]);
    if (parentIds.includes(id)) throw invalid('A network cannot be its own parent');
    const parents = await this.access.networkStandings(actor, parentIds);
    for (const parentId of parentIds) {
      if (!this.access.canSeeNetwork(parents.get(parentId) ?? null)) throw invalid('Unknown parent network');
    }
    const asked = await this.write(async (tx) => {
      const current: { parent_id: string; status: FederationLinkStatus }[] = await tx.query(
        'SELECT parent_id, status FROM network_parents WHERE network_id = $1 FOR UPDATE',
        [id],
      );
      const added = parentIds.filter((parentId) => !current.some((c) => c.parent_id === parentId && c.status !== 'refused'));
      if (added.length && (await this.makesCycle(tx, id, added))) throw invalid('These parents would make a cycle');
      await tx.query('DELETE FROM network_parents WHERE network_id = $1 AND NOT (parent_id = ANY($2::uuid[]))', [id, parentIds]);
      const requests: string[] = [];
      for (const parentId of added) {
        const parent = parents.get(parentId);
        const direct = parent ? this.access.canDecideFederationRequest(parent) : false;
        await tx.query(
          `INSERT INTO network_parents (network_id, parent_id, status, requested_by_id, decided_by_id, decided_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (network_id, parent_id) DO UPDATE SET status = excluded.status, requested_by_id = excluded.requested_by_id,
             decided_by_id = excluded.decided_by_id, decided_at = excluded.decided_at, created_at = now()`,
          [id, parentId, direct ? 'accepted' : 'pending', actor.personId, direct ? actor.personId : null, direct ? new Date() : null],
        );
        if (!direct) requests.push(parentId);
      }
      await tx.query('UPDATE networks SET updated_at = now() WHERE id = $1', [id]);
      return requests;
    });
    for (const parentId of asked) await this.notifier.federationRequested(actor, parentId, id);
    return this.get(actor, id);
  }

  /** A cycle: the network is already an ancestor (through accepted or pending links) of one of the new parents. */
  private async makesCycle(tx: EntityManager, id: string, parentIds: string[]): Promise<boolean> {
    const [{ cycle }]: { cycle: boolean }[] = await tx.query(
      `WITH RECURSIVE ancestors(id) AS (
         SELECT unnest($1::uuid[])
         UNION SELECT p.parent_id FROM network_parents p JOIN ancestors a ON p.network_id = a.id WHERE p.status <> 'refused'
       ) SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2) AS cycle`,
      [parentIds, id],
    );
    return cycle;
  }

  /** The networks asking to join this federation, for the people who decide (its managers). */
  async federationRequests(actor: Actor, id: string): Promise<FederationChildRequest[]> {
    const standing = await this.visibleStanding(actor, id);
    await this.access.assert(this.access.canDecideFederationRequest(standing));
    const rows: {
      id: string;
      name: string;
      slug: string;
      logo_file_id: string | null;
      visibility: NetworkView['visibility'];
      type: NetworkView['type'];
      created_at: Date;
    }[] = await this.db.query(
      `SELECT n.id, n.name, n.slug, n.logo_file_id, n.visibility, n.type, p.created_at FROM network_parents p JOIN networks n ON n.id = p.network_id
         WHERE p.parent_id = $1 AND p.status = 'pending' ORDER BY p.created_at, n.id`,
      [id],
    );
    return rows.map((r) => ({
      network: { id: r.id, name: r.name, slug: r.slug, logoUrl: fileUrl(r.logo_file_id), visibility: r.visibility, type: r.type },
      requestedAt: r.created_at.toISOString(),
    }));
  }

  /** Accepts or refuses a network's pending request to join this federation; answers the requests still pending. */
  async decideFederationRequest(
    actor: Actor,
    id: string,
    childId: string,
    decision: 'accepted' | 'refused',
  ): Promise<FederationChildRequest[]> {
    const standing = await this.visibleStanding(actor, id);
    await this.access.assert(this.access.canDecideFederationRequest(standing));
    await this.write(async (tx) => {
      const [link]: { status: FederationLinkStatus }[] = await tx.query(
        'SELECT status FROM network_parents WHERE network_id = $1 AND parent_id = $2 FOR UPDATE',
        [childId, id],
      );
      if (!link || link.status !== 'pending') throw AppException.notFound(FEDERATION_REQUEST);
      await tx.query(
        'UPDATE network_parents SET status = $3, decided_by_id = $4, decided_at = now() WHERE network_id = $1 AND parent_id = $2',
        [childId, id, decision, actor.personId],
      );
      await tx.query('UPDATE networks SET updated_at = now() WHERE id = $1', [childId]);
    });
    return this.federationRequests(actor, id);
  }

  /** The federation's managers take a child network out of it. */
  async removeChild(actor: Actor, id: string, childId: string): Promise<void> {
    const standing = await this.visibleStanding(actor, id);
    await this.access.assert(this.access.canDecideFederationRequest(standing));
    const [{ removed }]: { removed: number }[] = await this.db.query(
      "WITH d AS (DELETE FROM network_parents WHERE network_id = $1 AND parent_id = $2 AND status = 'accepted' RETURNING 1) SELECT count(*)::int AS removed FROM d",
      [childId, id],
    );
    if (!removed) throw AppException.notFound(NETWORK);
  }

  /** The logo or the cover: an image (type-sniffed) stored publicly through core/storage, like a company's logo. */
  async setLogo(
    actor: Actor,
    id: string,
    source: UploadSource | null,
    which: 'logoFileId' | 'coverFileId' = 'logoFileId',
  ): Promise<NetworkView> {
    await this.manageableStanding(actor, id);
    await this.files.replaceImage(
      source,
      actor.personId,
      (fileId) =>
        this.write(async (tx) => {
          const previous = (await tx.findOne(Network, { where: { id }, lock: { mode: 'pessimistic_write' } }))?.[which];
          if (previous === undefined) throw AppException.notFound(NETWORK);
          await tx.update(Network, id, { [which]: fileId });
          await this.search.enqueue(tx, 'network', [id]);
          return previous;
        }),
      which === 'coverFileId' ? 'cover' : 'logo',
    );
    return this.get(actor, id);
  }

  /**
   * A federation's child networks that the caller may see, with their activity: member figures when
   * the caller may see that child's members (AccessPolicy.canSeeNetworkActivity), forum figures from ForumsService.
   */
  async children(actor: MaybeActor, id: string): Promise<NetworkChild[]> {
    await this.visibleStanding(actor, id);
    const params: unknown[] = [id];
    const visible = this.access.visibleNetworksCondition(actor, (value) => `$${params.push(value)}`);
    const rows: (NetworkRow & { new_members: string })[] = await this.db.query(
      `SELECT ${NETWORK_COLUMNS},
              (SELECT count(*) FROM network_memberships m WHERE m.network_id = n.id AND m.status = 'active'
                 AND EXISTS (SELECT 1 FROM network_membership_events e WHERE e.membership_id = m.id AND e.to_status = 'active'
                               AND (e.from_status IS DISTINCT FROM 'active') AND e.created_at > now() - interval '90 days')) AS new_members
       FROM networks n JOIN network_parents p ON p.network_id = n.id AND p.status = 'accepted'
       WHERE p.parent_id = $1 AND ${visible} ORDER BY n.name, n.id`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const standings = await this.access.networkStandings(actor, ids);
    const mine = await this.myMemberships(actor, ids);
    // Re-checked through the policy (the SQL condition above is the same policy, applied in the query).
    const shown = rows.flatMap((row) => {
      const standing = standings.get(row.id) ?? null;
      return this.access.canSeeNetwork(standing) ? [{ row, standing, figures: this.access.canSeeNetworkActivity(standing) }] : [];
    });
    const activities = await this.forums.activity(shown.filter((s) => s.figures).map((s) => s.row.id));
    const forums = new Map(activities.map((activity) => [activity.networkId, activity]));
    return shown.map(({ row, standing, figures }) => {
      return {
        network: this.toView(
          row,
          standing,
          mine.filter((m) => m.networkId === row.id).map(({ networkId: _, ...m }) => m),
        ),
        activity: {
          memberCount: figures ? Number(row.member_count) : null,
          newMembers90d: figures ? Number(row.new_members) : null,
          forum: figures ? (forums.get(row.id) ?? null) : null,
        },
      };
    });
  }

  // ---------- memberships ----------

  async members(actor: MaybeActor, id: string): Promise<NetworkMember[]> {
    const standing = await this.visibleStanding(actor, id);
    const manager = this.access.canManageNetwork(standing);
    if (!manager && !this.access.canSeeNetworkMembers(standing)) throw AppException.notFound(NETWORK);
    const rows: (Omit<NetworkMember, 'since'> & { since: Date })[] = await this.db.query(
      `SELECT c.id AS "companyId", c.legal_name AS "legalName", c.trade_name AS "tradeName", c.naf_code AS "nafCode",
              c.commune_code AS "communeCode", m.role, m.status, m.message, m.updated_at AS since
       FROM network_memberships m JOIN companies c ON c.id = m.company_id
       WHERE m.network_id = $1 AND (m.status = 'active' OR $2::boolean)
       ORDER BY m.status, c.legal_name, c.id`,
      [id, manager],
    );
    return rows.map((r) => ({ ...r, message: manager ? r.message : null, since: r.since.toISOString() }));
  }

  /** Live figures for the landing page: networks anyone may see, and the companies active in them. */
  async publicFigures(): Promise<{ networks: number; memberCompanies: number }> {
    const [row]: { networks: number; companies: number }[] = await this.db.query(
      `SELECT (SELECT count(*)::int FROM networks WHERE visibility <> 'secret') AS networks,
              (SELECT count(DISTINCT m.company_id)::int FROM network_memberships m JOIN networks n ON n.id = m.network_id
               WHERE m.status = 'active' AND n.visibility <> 'secret') AS companies`,
    );
    return { networks: row.networks, memberCompanies: row.companies };
  }

  /** Names and addresses of networks by id (the caller already decided the reader may see them). */
  async refs(networkIds: readonly string[]): Promise<Map<string, { name: string; slug: string }>> {
    if (!networkIds.length) return new Map();
    const rows: { id: string; name: string; slug: string }[] = await this.db.query(
      'SELECT id, name, slug FROM networks WHERE id = ANY($1::uuid[])',
      [[...new Set(networkIds)]],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, slug: r.slug }]));
  }

  /**
   * The companies that became active members of these networks lately, newest first (the activity feed; the caller
   * decides who may see a network's members, AccessPolicy.canSeeNetworkMembers). Still-active memberships only.
   */
  async recentMembers(
    networkIds: readonly string[],
    limit: number,
  ): Promise<{ companyId: string; networkId: string; name: string; at: Date }[]> {
    if (!networkIds.length) return [];
    const rows: { company_id: string; network_id: string; name: string; at: Date }[] = await this.db.query(
      `SELECT m.company_id, m.network_id, COALESCE(c.trade_name, c.legal_name) AS name, x.at
       FROM network_memberships m JOIN companies c ON c.id = m.company_id
       CROSS JOIN LATERAL (SELECT max(e.created_at) AS at FROM network_membership_events e WHERE e.membership_id = m.id AND e.to_status = 'active') x
       WHERE m.network_id = ANY($1::uuid[]) AND m.status = 'active' AND x.at IS NOT NULL
       ORDER BY x.at DESC, m.id LIMIT $2`,
      [[...new Set(networkIds)], limit],
    );
    return rows.map((r) => ({ companyId: r.company_id, networkId: r.network_id, name: r.name, at: new Date(r.at) }));
  }

  /**
   * The networks a person takes part in: those where one of their companies is an active member (with its best
   * role), and those their organisations host (`staff`), by name.
   */
  async networksOf(
    personId: string,
  ): Promise<{ id: string; slug: string; name: string; logoUrl: string | null; role: MembershipRole | 'staff' }[]> {
    const rows: { id: string; slug: string; name: string; logo_file_id: string | null; role: MembershipRole | 'staff' }[] =
      await this.db.query(
        `SELECT DISTINCT ON (n.name, n.id) n.id, n.slug, n.name, n.logo_file_id, x.role
       FROM (SELECT m.network_id, m.role, CASE m.role WHEN 'animator' THEN 1 WHEN 'moderator' THEN 2 ELSE 3 END AS rank
             FROM ${networkMemberPeopleFrom('m', { person: '$1', statuses: ['active'] })}
             UNION ALL
             SELECT s.network_id, 'staff', 0 FROM network_host_staff s WHERE s.person_id = $1) x
       JOIN networks n ON n.id = x.network_id
       ORDER BY n.name, n.id, x.rank`,
        [personId],
      );
    return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, logoUrl: fileUrl(r.logo_file_id), role: r.role }));
  }

  /**
   * The people of a network, host staff first, then by name (200 at most; `q` narrows on name, job title or
   * company). Only active member companies' people are listed.
   */
  async people(actor: Actor, id: string, q: string | undefined): Promise<NetworkPerson[]> {
    const standing = await this.visibleStanding(actor, id);
    if (!this.access.canSeeNetworkPeople(standing)) throw AppException.notFound(NETWORK);
    // People who opted out of public networks' lists are listed there for its managers on the host's side only.
    const listAll = standing.visibility !== 'public' || standing.platformAdmin || standing.hostStaff;
    const rows: {
      id: string;
      first_name: string;
      last_name: string;
      job_title: string | null;
      title_form: NetworkPerson['titleForm'];
      photo_file_id: string | null;
      role: NetworkPerson['role'];
      company_id: string | null;
      company: string | null;
      organization: string | null;
    }[] = await this.db.query(
      `WITH everyone AS (
           SELECT s.person_id, 'staff' AS role, NULL::uuid AS company_id, NULL AS company, o.name AS organization, 0 AS rank
           FROM network_host_staff s JOIN networks n ON n.id = s.network_id JOIN organizations o ON o.id = n.host_organization_id
           WHERE s.network_id = $1
           UNION ALL
           SELECT cm.person_id, cm.role, c.id, coalesce(c.trade_name, c.legal_name), NULL, CASE cm.role WHEN 'animator' THEN 1 WHEN 'moderator' THEN 2 ELSE 3 END
           FROM ${networkMemberPeopleFrom('cm', { network: '$1', statuses: ['active'] })} JOIN companies c ON c.id = cm.company_id)
         SELECT DISTINCT ON (e.rank, p.last_name, p.first_name, p.id) p.id, p.first_name, p.last_name, p.job_title, p.title_form, p.photo_file_id,
                e.role, e.company_id, e.company, e.organization
         FROM everyone e JOIN people p ON p.id = e.person_id
         WHERE ($2::text IS NULL OR (p.first_name || ' ' || p.last_name) ILIKE $2 OR (p.last_name || ' ' || p.first_name) ILIKE $2
            OR p.job_title ILIKE $2 OR e.company ILIKE $2 OR e.organization ILIKE $2)
           AND p.erased_at IS NULL AND (p.id = $3 OR ${listAll ? 'TRUE' : this.access.listedInPublicMemberListsSql('p.id')})
         ORDER BY e.rank, p.last_name, p.first_name, p.id LIMIT 200`,
      [id, q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null, actor.personId],
    );
    return rows.map((r) => ({
      personId: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      jobTitle: r.job_title,
      titleForm: r.title_form,
      photoUrl: fileUrl(r.photo_file_id),
      role: r.role,
      company: r.company_id ? { id: r.company_id, name: r.company ?? '' } : null,
      organization: r.organization,
    }));
  }

  /** Joins on behalf of a company: open → active; approval → pending; invitation → only when invited. */
  async join(actor: Actor, id: string, dto: JoinDto): Promise<NetworkMember> {
    const standing = await this.visibleStanding(actor, id);
    await this.access.assert(this.access.canActForCompany(actor, dto.companyId));
    const next = await this.write(async (tx) => {
      const existing = await tx.findOne(Membership, {
        where: { networkId: id, companyId: dto.companyId },
        lock: { mode: 'pessimistic_write' },
      });
      const status = existing?.status ?? null;
      if (status === 'active') throw AppException.conflict('ALREADY_MEMBER', 'This company is already a member');
      if (status === 'pending') throw AppException.conflict('ALREADY_PENDING', 'This company already asked to join');
      if (status === 'banned') throw AppException.forbidden('This company is banned from the network');
      let next: MembershipStatus;
      if (status === 'invited') next = 'active';
      else if (standing.joinPolicy === 'open') next = 'active';
      else if (standing.joinPolicy === 'approval') next = 'pending';
      else throw AppException.forbidden('This network is joined by invitation only');
      await this.transition(
        tx,
        actor,
        { networkId: id, companyId: dto.companyId },
        existing,
        status === 'invited' ? 'accept_invitation' : 'join',
        {
          status: next,
          message: next === 'pending' ? (dto.message ?? null) : (existing?.message ?? null),
        },
      );
      return next;
    });
    if (next === 'pending') await this.notifier.membershipRequested(actor, id, dto.companyId);
    return this.memberOf(id, dto.companyId);
  }

  async invite(actor: Actor, id: string, dto: InviteDto): Promise<NetworkMember> {
    await this.manageableStanding(actor, id);
    await this.write(async (tx) => {
      const [company] = await tx.query('SELECT 1 FROM companies WHERE id = $1', [dto.companyId]);
      if (!company)
        throw AppException.badRequest('UNKNOWN_COMPANY', 'Unknown company', [{ field: 'companyId', messages: ['does not exist'] }]);
      const existing = await tx.findOne(Membership, {
        where: { networkId: id, companyId: dto.companyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing && ['active', 'invited', 'banned'].includes(existing.status)) {
        throw AppException.conflict('INVALID_TRANSITION', `This company is already ${existing.status}`);
      }
      await this.transition(tx, actor, { networkId: id, companyId: dto.companyId }, existing, 'invite', { status: 'invited' });
    });
    await this.notifier.invited(actor, id, dto.companyId);
    return this.memberOf(id, dto.companyId);
  }

  async approve(actor: Actor, id: string, companyId: string): Promise<NetworkMember> {
    const member = await this.decide(actor, id, companyId, 'approve', ['pending'], { status: 'active' });
    await this.notifier.membershipDecided(actor, id, companyId, 'approved');
    return member;
  }

  async reject(actor: Actor, id: string, companyId: string): Promise<NetworkMember> {
    const member = await this.decide(actor, id, companyId, 'reject', ['pending'], { status: 'rejected' });
    await this.notifier.membershipDecided(actor, id, companyId, 'rejected');
    return member;
  }

  async ban(actor: Actor, id: string, companyId: string): Promise<NetworkMember> {
    const member = await this.decide(actor, id, companyId, 'ban', ['invited', 'pending', 'active', 'rejected', 'left'], {
      status: 'banned',
      role: 'member',
    });
    await this.revalidateCompany(companyId);
    return member;
  }

  unban(actor: Actor, id: string, companyId: string) {
    return this.decide(actor, id, companyId, 'unban', ['banned'], { status: 'left' });
  }

  async changeRole(actor: Actor, id: string, companyId: string, dto: ChangeRoleDto): Promise<NetworkMember> {
    const member = await this.decide(actor, id, companyId, 'change_role', ['active'], { role: dto.role });
    await this.revalidateCompany(companyId);
    return member;
  }

  /** A company leaves (its owners and admins), or a manager removes it; both are "left" in the history. */
  async leave(actor: Actor, id: string, companyId: string): Promise<void> {
    const standing = await this.visibleStanding(actor, id);
    const manager = this.access.canManageNetwork(standing);
    if (!manager) await this.access.assert(this.access.canActForCompany(actor, companyId), { hide: MEMBERSHIP });
    await this.write(async (tx) => {
      const existing = await tx.findOne(Membership, { where: { networkId: id, companyId }, lock: { mode: 'pessimistic_write' } });
      if (!existing || !['active', 'pending', 'invited'].includes(existing.status)) throw AppException.notFound(MEMBERSHIP);
      await this.transition(tx, actor, existing, existing, 'leave', { status: 'left', role: 'member' });
    });
    await this.revalidateCompany(companyId);
  }

  async history(actor: Actor, id: string): Promise<MembershipEventView[]> {
    await this.manageableStanding(actor, id);
    const rows: (Omit<MembershipEventView, 'createdAt'> & { createdAt: Date })[] = await this.db.query(
      `SELECT e.id, m.company_id AS "companyId", e.actor_id AS "actorId", e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus",
              e.from_role AS "fromRole", e.to_role AS "toRole", e.created_at AS "createdAt"
       FROM network_membership_events e JOIN network_memberships m ON m.id = e.membership_id
       WHERE m.network_id = $1 ORDER BY e.created_at, e.id`,
      [id],
    );
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  // ---------- internals ----------

  /** After a company lost rights in a network (committed): its people's sockets leave the real-time rooms they lost. */
  private async revalidateCompany(companyId: string): Promise<void> {
    const people: { person_id: string }[] = await this.db.query(companyPeopleSql('$1'), [companyId]);
    await this.realtime.revalidatePeople(people.map((p) => p.person_id));
  }

  /** A transaction; a unique violation from a concurrent request becomes a 409 instead of a 500. (Also used by the module's other services.) */
  async write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code === '23505') throw AppException.conflict('CONCURRENT_CHANGE', 'This changed at the same time: reload and try again');
      throw error;
    }
  }

  private async decide(
    actor: Actor,
    id: string,
    companyId: string,
    action: string,
    from: MembershipStatus[],
    change: { status?: MembershipStatus; role?: MembershipRole },
  ): Promise<NetworkMember> {
    await this.manageableStanding(actor, id);
    await this.write(async (tx) => {
      const existing = await tx.findOne(Membership, { where: { networkId: id, companyId }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw AppException.notFound(MEMBERSHIP);
      if (!from.includes(existing.status)) {
        throw AppException.conflict('INVALID_TRANSITION', `Cannot ${action.replace('_', ' ')} a membership that is ${existing.status}`);
      }
      await this.transition(tx, actor, existing, existing, action, change);
      // Bans are moderation decisions: they also go to the network's moderation audit log.
      if (action === 'ban' || action === 'unban') {
        await this.moderation.audit(tx, {
          networkId: id,
          actorPersonId: actor.personId,
          action,
          targetKind: 'company',
          targetId: companyId,
          details: { fromStatus: existing.status },
        });
      }
    });
    return this.memberOf(id, companyId);
  }

  /** Re-indexes the companies with an active membership (their membership facet depends on the network's visibility). */
  private async enqueueMemberCompanies(tx: EntityManager, networkId: string): Promise<void> {
    const rows: { company_id: string }[] = await tx.query(
      "SELECT company_id FROM network_memberships WHERE network_id = $1 AND status = 'active'",
      [networkId],
    );
    await this.search.enqueue(
      tx,
      'company',
      rows.map((r) => r.company_id),
      { priority: 0 },
    );
  }

  /** Writes the membership's new state and its history event, in the caller's transaction. (Also used by the module's other services.) */
  async transition(
    tx: EntityManager,
    actor: Actor,
    key: { networkId: string; companyId: string },
    existing: Membership | null,
    action: string,
    change: { status?: MembershipStatus; role?: MembershipRole; message?: string | null },
  ): Promise<void> {
    const status = change.status ?? existing?.status ?? 'active';
    const role = change.role ?? existing?.role ?? 'member';
    let membershipId: string;
    if (existing) {
      membershipId = existing.id;
      await tx.update(Membership, existing.id, { status, role, ...(change.message !== undefined ? { message: change.message } : {}) });
    } else {
      membershipId = (await tx.save(Membership, tx.create(Membership, { ...key, status, role, message: change.message ?? null }))).id;
    }
    // The network's member count and the company's membership facet.
    await this.search.enqueue(tx, 'network', [key.networkId]);
    await this.search.enqueue(tx, 'company', [key.companyId]);
    await tx.insert(MembershipEvent, {
      membershipId,
      actorId: actor.personId,
      action,
      fromStatus: existing?.status ?? null,
      toStatus: status,
      fromRole: existing?.role ?? null,
      toRole: role,
    });
  }

  async memberOf(id: string, companyId: string): Promise<NetworkMember> {
    const [row] = await this.db.query(
      `SELECT c.id AS "companyId", c.legal_name AS "legalName", c.trade_name AS "tradeName", c.naf_code AS "nafCode",
              c.commune_code AS "communeCode", m.role, m.status, m.message, m.updated_at AS since
       FROM network_memberships m JOIN companies c ON c.id = m.company_id WHERE m.network_id = $1 AND m.company_id = $2`,
      [id, companyId],
    );
    if (!row) throw AppException.notFound(MEMBERSHIP);
    return { ...row, since: (row.since as Date).toISOString() };
  }

  /** The standing of a person in a network they may see; a hidden network is a 404 like a missing one. */
  async visibleStanding(actor: MaybeActor, id: string): Promise<NetworkStanding> {
    return this.access.require(actor, 'network.see', { network: id }, { hide: NETWORK });
  }

  async manageableStanding(actor: Actor, id: string): Promise<NetworkStanding> {
    const standing = await this.visibleStanding(actor, id);
    await this.access.assert(this.access.canManageNetwork(standing));
    return standing;
  }

  /** The caller's companies' memberships in these networks (one query). */
  private async myMemberships(actor: MaybeActor, ids: string[]): Promise<(NetworkView['myMemberships'][number] & { networkId: string })[]> {
    if (!actor || !ids.length) return [];
    return this.db.query(
      `SELECT m.network_id AS "networkId", m.company_id AS "companyId", m.role, m.status
       FROM ${networkMemberPeopleFrom('m', { network: 'ANY($1::uuid[])', person: '$2' })} ORDER BY m.company_id`,
      [ids, actor.personId],
    );
  }

  private toView(row: NetworkRow, standing: NetworkStanding | null, myMemberships: NetworkView['myMemberships']): NetworkView {
    const seesMembers = !!standing && (this.access.canSeeNetworkMembers(standing) || this.access.canManageNetwork(standing));
    return {
      id: row.id,
      name: row.name,
      slug: row.slug,
      type: row.type,
      visibility: row.visibility,
      joinPolicy: row.join_policy,
      description: row.description,
      charter: row.charter,
      charterHtml: row.charter ? renderMarkdown(row.charter) : null,
      logoUrl: fileUrl(row.logo_file_id),
      coverUrl: fileUrl(row.cover_file_id),
      territory: { communes: row.commune_codes, epcis: row.epci_codes, departements: row.departement_codes, regions: row.region_codes },
      sectors: row.naf_codes,
      themes: row.themes,
      maturity: row.maturity,
      hostOrganizationId: row.host_organization_id,
      referentOrganizationId: row.referent_organization_id,
      parentIds: row.parent_ids ?? [],
      parentRequests: [],
      memberCount: seesMembers ? Number(row.member_count) : null,
      canManage: !!standing && this.access.canManageNetwork(standing),
      myMemberships,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private async freeSlug(tx: EntityManager, base: string, id: string | null): Promise<string> {
    const rows: { id: string; slug: string }[] = await tx.query("SELECT id, slug FROM networks WHERE slug = $1 OR slug LIKE $1 || '-%'", [
      base,
    ]);
    const taken = new Set(rows.filter((r) => r.id !== id).map((r) => r.slug));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  /** Validates references and uniqueness; returns the column values. */
  private async checkInput(tx: EntityManager, dto: NetworkDto, id: string | null, currentSlug?: string): Promise<Partial<Network>> {
    // A chosen address must be free; one derived from the name takes the first free suffix (which
    // also keeps a secret network's address from being revealed through a conflict).
    // A renamed network keeps its address (links to it stay valid) unless a new one is chosen.
    const slug = dto.slug ?? currentSlug ?? (await this.freeSlug(tx, slugify(dto.name), id));
    const [clash] = await tx.query('SELECT id FROM networks WHERE slug = $1', [slug]);
    if (clash && clash.id !== id) {
      throw AppException.conflict('SLUG_TAKEN', 'A network already uses this address', [
        { field: dto.slug ? 'slug' : 'name', messages: ['is already used'] },
      ]);
    }
    for (const field of ['hostOrganizationId', 'referentOrganizationId'] as const) {
      const orgId = dto[field];
      if (!orgId) continue;
      const [org] = await tx.query('SELECT 1 FROM organizations WHERE id = $1', [orgId]);
      if (!org) throw AppException.badRequest('UNKNOWN_ORGANIZATION', 'Unknown organisation', [{ field, messages: ['does not exist'] }]);
    }
    return {
      name: dto.name,
      slug,
      type: dto.type,
      visibility: dto.visibility,
      joinPolicy: dto.joinPolicy,
      description: dto.description ?? null,
      charter: dto.charter ?? null,
      communeCodes: dto.territory?.communes ?? [],
      epciCodes: dto.territory?.epcis ?? [],
      departementCodes: dto.territory?.departements ?? [],
      regionCodes: dto.territory?.regions ?? [],
      nafCodes: dto.sectors ?? [],
      themes: dto.themes ?? [],
      maturity: dto.maturity,
      hostOrganizationId: dto.hostOrganizationId,
      referentOrganizationId: dto.referentOrganizationId ?? null,
    };
  }

  // ---------- steering (read by the steering module) ----------

  /** Every network id (the steering job keeps one snapshot per network). */
  async steeringNetworkIds(db: Pick<EntityManager, 'query'>): Promise<string[]> {
    const rows: { id: string }[] = await db.query('SELECT id FROM networks ORDER BY id');
    return rows.map((r) => r.id);
  }

  /**
   * The membership history reduced to its moves into and out of `active`, oldest first, plus the memberships active
   * today: the steering job rebuilds each company's membership spans from them.
   */
  async steeringMembershipMoves(db: Pick<EntityManager, 'query'>): Promise<{
    moves: { network_id: string; company_id: string; at: Date; active: boolean }[];
    current: { network_id: string; company_id: string; since: Date; active: boolean }[];
  }> {
    const moves = await db.query(
      `SELECT m.network_id, m.company_id, e.created_at AS at, e.to_status = 'active' AS active
       FROM network_membership_events e JOIN network_memberships m ON m.id = e.membership_id
       WHERE (e.to_status = 'active') IS DISTINCT FROM (coalesce(e.from_status, 'none') = 'active')
       ORDER BY m.network_id, m.company_id, e.created_at, e.id`,
    );
    const current = await db.query(
      `SELECT network_id, company_id, created_at AS since, status = 'active' AS active FROM network_memberships`,
    );
    return { moves, current };
  }

  /**
   * Join requests per network since `since`: received (moves to pending), accepted and rejected (moves out of
   * pending), the median hours from request to decision, and the requests pending today.
   */
  async steeringJoinFunnel(
    db: Pick<EntityManager, 'query'>,
    since: Date,
  ): Promise<{ network_id: string; received: number; accepted: number; rejected: number; pending: number; median_hours: number | null }[]> {
    const rows: {
      network_id: string;
      received: number;
      accepted: number;
      rejected: number;
      pending: number;
      median_hours: string | null;
    }[] = await db.query(
      `WITH ev AS (
         SELECT m.network_id, e.membership_id, e.created_at, e.from_status, e.to_status FROM network_membership_events e
         JOIN network_memberships m ON m.id = e.membership_id
         WHERE e.created_at >= $1 AND (e.to_status = 'pending' OR e.from_status = 'pending')),
       decided AS (
         SELECT d.network_id, d.to_status, extract(epoch FROM d.created_at - (
                  SELECT max(p.created_at) FROM network_membership_events p
                  WHERE p.membership_id = d.membership_id AND p.to_status = 'pending' AND p.created_at <= d.created_at)) / 3600 AS hours
         FROM ev d WHERE d.from_status = 'pending' AND d.to_status IN ('active', 'rejected')),
       nets AS (SELECT network_id FROM ev UNION SELECT network_id FROM network_memberships WHERE status = 'pending')
       SELECT n.network_id,
              (SELECT count(*) FROM ev WHERE ev.network_id = n.network_id AND ev.to_status = 'pending')::int AS received,
              (SELECT count(*) FROM decided d WHERE d.network_id = n.network_id AND d.to_status = 'active')::int AS accepted,
              (SELECT count(*) FROM decided d WHERE d.network_id = n.network_id AND d.to_status = 'rejected')::int AS rejected,
              (SELECT count(*) FROM network_memberships m WHERE m.network_id = n.network_id AND m.status = 'pending')::int AS pending,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.hours) FROM decided d WHERE d.network_id = n.network_id AND d.hours IS NOT NULL) AS median_hours
       FROM nets n`,
      [since],
    );
    return rows.map((r) => ({ ...r, median_hours: r.median_hours === null ? null : Number(r.median_hours) }));
  }

  /** What the steering pages show of networks, by id (with their host and referent organisations' names). */
  async steeringSummaries(db: Pick<EntityManager, 'query'>, ids: readonly string[]): Promise<SteeringNetworkSummary[]> {
    if (!ids.length) return [];
    return db.query(
      `SELECT n.id, n.name, n.slug, n.type, n.visibility, n.maturity, n.host_organization_id, h.name AS host_name,
              n.referent_organization_id, r.name AS referent_name, n.departement_codes, n.region_codes, n.epci_codes, n.commune_codes
       FROM networks n JOIN organizations h ON h.id = n.host_organization_id LEFT JOIN organizations r ON r.id = n.referent_organization_id
       WHERE n.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The people of the networks' animator companies, by network. */
  async steeringAnimators(
    db: Pick<EntityManager, 'query'>,
    ids: readonly string[],
  ): Promise<{ network_id: string; person_id: string; name: string }[]> {
    if (!ids.length) return [];
    return db.query(
      `SELECT DISTINCT m.network_id, p.id AS person_id, p.first_name || ' ' || p.last_name AS name
       FROM ${networkMemberPeopleFrom('m', { network: 'ANY($1::uuid[])', statuses: ['active'], roles: ['animator'] })} JOIN people p ON p.id = m.person_id
       ORDER BY name`,
      [ids],
    );
  }

  /** Records the stage of a network decided by a maturity assessment (in the caller's transaction). */
  async setMaturity(db: EntityManager, networkId: string, maturity: NetworkMaturity): Promise<void> {
    await db.update(Network, { id: networkId }, { maturity });
    await this.search.enqueue(db, 'network', [networkId]);
  }
}
