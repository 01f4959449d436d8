import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { findDepartement, listDepartements } from '@maillage/referentials';
import type {
  MembershipEventView,
  MembershipRole,
  MembershipStatus,
  NetworkChild,
  Network as NetworkView,
  NetworkMember,
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
import { fileUrl } from '../companies/companies.service';
import type { ChangeRoleDto, InviteDto, JoinDto, NetworkDto, NetworkListQueryDto, SetParentsDto } from './dto/network.dto';
import { MembershipEvent } from './entities/membership-event.entity';
import { Membership } from './entities/membership.entity';
import { NetworkParent } from './entities/network-parent.entity';
import { Network } from './entities/network.entity';
import { ForumsService } from '../forums/forums.service';
import { NetworkNotifier } from './network-notifier';

const NETWORK = 'Network';
const MEMBERSHIP = 'Membership';

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

const NETWORK_COLUMNS = `n.id, n.name, n.slug, n.type, n.visibility, n.join_policy, n.description, n.charter, n.logo_file_id, n.commune_codes, n.epci_codes,
  n.departement_codes, n.region_codes, n.naf_codes, n.themes, n.maturity, n.host_organization_id, n.referent_organization_id,
  n.created_at, n.updated_at,
  (SELECT array_agg(p.parent_id ORDER BY p.parent_id) FROM network_parents p WHERE p.network_id = n.id) AS parent_ids,
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
    const departements = param(listDepartements().filter((d) => d.region.code === query.region).map((d) => d.code));
    conditions.push(`(${param(query.region)} = ANY(n.region_codes) OR n.departement_codes && ${departements}::text[] OR ${communeIn(`${departements}::text[]`)})`);
  }
  return conditions;
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
      .map((row) => this.toView(row, standings.get(row.id) ?? null, mine.filter((m) => m.networkId === row.id).map(({ networkId: _, ...m }) => m)));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: MaybeActor, id: string): Promise<NetworkView> {
    const standing = await this.visibleStanding(actor, id);
    const [row]: NetworkRow[] = await this.db.query(`SELECT ${NETWORK_COLUMNS} FROM networks n WHERE n.id = $1`, [id]);
    if (!row) throw AppException.notFound(NETWORK);
    const mine = (await this.myMemberships(actor, [id])).map(({ networkId: _, ...m }) => m);
    return this.toView(row, standing, mine);
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

  /** Replaces the parent federations; refuses cycles and networks the caller may not see. */
  async setParents(actor: Actor, id: string, dto: SetParentsDto): Promise<NetworkView> {
    await this.manageableStanding(actor, id);
    const parentIds = [...new Set(dto.parentIds)];
    const invalid = (message: string) => AppException.badRequest('INVALID_PARENT', message, [{ field: 'parentIds', messages: [message] }]);
    if (parentIds.includes(id)) throw invalid('A network cannot be its own parent');
    for (const parentId of parentIds) {
      if (!this.access.canSeeNetwork(await this.access.networkStanding(actor, parentId))) throw invalid('Unknown parent network');
    }
    await this.write(async (tx) => {
      if (parentIds.length) {
        // A cycle: the network is already an ancestor of one of the new parents.
        const [{ cycle }] = await tx.query(
          `WITH RECURSIVE ancestors(id) AS (
             SELECT unnest($1::uuid[])
             UNION SELECT p.parent_id FROM network_parents p JOIN ancestors a ON p.network_id = a.id
           ) SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2) AS cycle`,
          [parentIds, id],
        );
        if (cycle) throw invalid('These parents would make a cycle');
      }
      await tx.delete(NetworkParent, { networkId: id });
      if (parentIds.length) await tx.insert(NetworkParent, parentIds.map((parentId) => ({ networkId: id, parentId })));
      await tx.query('UPDATE networks SET updated_at = now() WHERE id = $1', [id]);
    });
    return this.get(actor, id);
  }

  /** The logo: an image (type-sniffed) stored publicly through core/storage, like a company's logo. */
  async setLogo(actor: Actor, id: string, req: FastifyRequest | null): Promise<NetworkView> {
    await this.manageableStanding(actor, id);
    await this.files.replaceImage(req, actor.personId, (fileId) =>
      this.write(async (tx) => {
        const previous = (await tx.findOne(Network, { where: { id }, lock: { mode: 'pessimistic_write' } }))?.logoFileId;
        if (previous === undefined) throw AppException.notFound(NETWORK);
        await tx.update(Network, id, { logoFileId: fileId });
        await this.search.enqueue(tx, 'network', [id]);
        return previous;
      }),
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
       FROM networks n JOIN network_parents p ON p.network_id = n.id
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
        network: this.toView(row, standing, mine.filter((m) => m.networkId === row.id).map(({ networkId: _, ...m }) => m)),
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

  /** Joins on behalf of a company: open → active; approval → pending; invitation → only when invited. */
  async join(actor: Actor, id: string, dto: JoinDto): Promise<NetworkMember> {
    const standing = await this.visibleStanding(actor, id);
    await this.access.assert(this.access.canActForCompany(actor, dto.companyId));
    const next = await this.write(async (tx) => {
      const existing = await tx.findOne(Membership, { where: { networkId: id, companyId: dto.companyId }, lock: { mode: 'pessimistic_write' } });
      const status = existing?.status ?? null;
      if (status === 'active') throw AppException.conflict('ALREADY_MEMBER', 'This company is already a member');
      if (status === 'pending') throw AppException.conflict('ALREADY_PENDING', 'This company already asked to join');
      if (status === 'banned') throw AppException.forbidden('This company is banned from the network');
      let next: MembershipStatus;
      if (status === 'invited') next = 'active';
      else if (standing.joinPolicy === 'open') next = 'active';
      else if (standing.joinPolicy === 'approval') next = 'pending';
      else throw AppException.forbidden('This network is joined by invitation only');
      await this.transition(tx, actor, { networkId: id, companyId: dto.companyId }, existing, status === 'invited' ? 'accept_invitation' : 'join', {
        status: next,
        message: next === 'pending' ? (dto.message ?? null) : (existing?.message ?? null),
      });
      return next;
    });
    if (next === 'pending') await this.notifier.membershipRequested(actor, id, dto.companyId);
    return this.memberOf(id, dto.companyId);
  }

  async invite(actor: Actor, id: string, dto: InviteDto): Promise<NetworkMember> {
    await this.manageableStanding(actor, id);
    await this.write(async (tx) => {
      const [company] = await tx.query('SELECT 1 FROM companies WHERE id = $1', [dto.companyId]);
      if (!company) throw AppException.badRequest('UNKNOWN_COMPANY', 'Unknown company', [{ field: 'companyId', messages: ['does not exist'] }]);
      const existing = await tx.findOne(Membership, { where: { networkId: id, companyId: dto.companyId }, lock: { mode: 'pessimistic_write' } });
      if (existing && ['active', 'invited', 'banned'].includes(existing.status)) {
        throw AppException.conflict('INVALID_TRANSITION', `This company is already ${existing.status}`);
      }
      await this.transition(tx, actor, { networkId: id, companyId: dto.companyId }, existing, 'invite', { status: 'invited' });
    });
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
    const member = await this.decide(actor, id, companyId, 'ban', ['invited', 'pending', 'active', 'rejected', 'left'], { status: 'banned', role: 'member' });
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
    const people: { person_id: string }[] = await this.db.query('SELECT person_id FROM company_members WHERE company_id = $1', [companyId]);
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
        await this.moderation.audit(tx, { networkId: id, actorPersonId: actor.personId, action, targetKind: 'company', targetId: companyId, details: { fromStatus: existing.status } });
      }
    });
    return this.memberOf(id, companyId);
  }

  /** Re-indexes the companies with an active membership (their membership facet depends on the network's visibility). */
  private async enqueueMemberCompanies(tx: EntityManager, networkId: string): Promise<void> {
    const rows: { company_id: string }[] = await tx.query("SELECT company_id FROM network_memberships WHERE network_id = $1 AND status = 'active'", [networkId]);
    await this.search.enqueue(tx, 'company', rows.map((r) => r.company_id), { priority: 0 });
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
    const standing = await this.access.networkStanding(actor, id);
    if (!this.access.canSeeNetwork(standing)) throw AppException.notFound(NETWORK);
    return standing;
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
      `SELECT m.network_id AS "networkId", m.company_id AS "companyId", m.role, m.status FROM network_memberships m
       JOIN company_members cm ON cm.company_id = m.company_id AND cm.person_id = $2
       WHERE m.network_id = ANY($1::uuid[]) ORDER BY m.company_id`,
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
      territory: { communes: row.commune_codes, epcis: row.epci_codes, departements: row.departement_codes, regions: row.region_codes },
      sectors: row.naf_codes,
      themes: row.themes,
      maturity: row.maturity,
      hostOrganizationId: row.host_organization_id,
      referentOrganizationId: row.referent_organization_id,
      parentIds: row.parent_ids ?? [],
      memberCount: seesMembers ? Number(row.member_count) : null,
      canManage: !!standing && this.access.canManageNetwork(standing),
      myMemberships,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private async freeSlug(tx: EntityManager, base: string, id: string | null): Promise<string> {
    const rows: { id: string; slug: string }[] = await tx.query("SELECT id, slug FROM networks WHERE slug = $1 OR slug LIKE $1 || '-%'", [base]);
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
      throw AppException.conflict('SLUG_TAKEN', 'A network already uses this address', [{ field: dto.slug ? 'slug' : 'name', messages: ['is already used'] }]);
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
}
