import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type CompanyRole, type MembershipRole, type NetworkJoinPolicy, type NetworkVisibility, PRESENCE_GROUP_MAX, type StaffRole } from '@maillage/contracts';
import { preparedQuery } from '../database/prepared-query';
import { AppException } from '../errors/app-exception';
import type { SearchAudience } from '../search/search.types';
import type { Actor, MaybeActor } from './actor';

const COMPANY_EDITORS: readonly CompanyRole[] = ['owner', 'admin'];

/** What the policy knows of a person's standing in one network (one query, see networkStanding). */
/** A person id that matches nobody (see AccessPolicy.personParam). */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** A network standing as networkStandingsSql reads it. */
export interface NetworkStandingRow {
  id: string;
  visibility: NetworkVisibility;
  join_policy: NetworkJoinPolicy;
  host_organization_id: string;
  host_staff: boolean;
  roles: MembershipRole[] | null;
  invited: boolean;
}

export interface NetworkStanding {
  visibility: NetworkVisibility;
  joinPolicy: NetworkJoinPolicy;
  hostOrganizationId: string;
  platformAdmin: boolean;
  hostStaff: boolean;
  /** The highest role among the person's companies' active memberships, or null. */
  activeRole: MembershipRole | null;
  /** One of the person's companies is invited (it may see the card of a secret network to accept). */
  invited: boolean;
}

/** What a person may do with a forum topic (see AccessPolicy.forumTopicRights). */
export interface ForumTopicRights {
  read: boolean;
  /** Post in the topic's forum at all (react, follow, upload). */
  post: boolean;
  /** Reply: posting rights and the topic is not locked (moderators reply to locked topics). */
  reply: boolean;
  moderate: boolean;
  /** The caller wrote the topic (may mark it solved). */
  author: boolean;
  /** Edit one's own posts and the title of one's topic (not in a locked topic). */
  editOwn: boolean;
  share: boolean;
}

/** The search audience keys of a secret network's documents: its members and invitees, and its host's staff. */
/** A current participant's place in a conversation (see the messaging section). */
export interface ConversationStanding {
  conversationId: string;
  kind: 'direct' | 'group';
  role: 'owner' | 'member';
  /** Direct conversations: the other person blocked this participant. */
  blockedByOther: boolean;
  /** Direct conversations: this participant blocked the other person. */
  blockingOther: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function networkAudience(networkId: string, hostOrganizationId: string): string[] {
  return [`network:${networkId}`, `org:${hostOrganizationId}`];
}

/** The search audience keys of a private forum's documents: the network's active members and its host's staff (see canReadForum). */
export function forumAudience(networkId: string, hostOrganizationId: string): string[] {
  return [`member:${networkId}`, `org:${hostOrganizationId}`];
}

const ROLE_RANK: Record<MembershipRole, number> = { member: 1, moderator: 2, animator: 3 };

/**
 * THE access policy (DESIGN §5): every "may this person see / do this" question is answered here,
 * and every path (REST, search, sockets, mails, exports) asks it rather than deciding by itself.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly db: DataSource) {}

  isPlatformAdmin(actor: MaybeActor): boolean {
    return actor?.platformRole === 'admin';
  }

  async companyRole(actor: MaybeActor, companyId: string): Promise<CompanyRole | null> {
    if (!actor) return null;
    const rows: { role: CompanyRole }[] = await this.db.query(
      'SELECT role FROM company_members WHERE company_id = $1 AND person_id = $2',
      [companyId, actor.personId],
    );
    return rows[0]?.role ?? null;
  }

  /** Company pages are public; editing belongs to the company's owners and admins (and platform admins). */
  async canEditCompany(actor: MaybeActor, companyId: string): Promise<boolean> {
    if (this.isPlatformAdmin(actor)) return true;
    const role = await this.companyRole(actor, companyId);
    return role !== null && COMPANY_EDITORS.includes(role);
  }

  /** Only owners (and platform admins) may grant or remove the owner role. */
  async canGrantCompanyRole(actor: MaybeActor, companyId: string, role: CompanyRole): Promise<boolean> {
    if (this.isPlatformAdmin(actor)) return true;
    const mine = await this.companyRole(actor, companyId);
    if (mine === 'owner') return true;
    return mine === 'admin' && role !== 'owner';
  }

  /** E-mail addresses of a company's people are visible to its people only. */
  async canSeeCompanyContacts(actor: MaybeActor, companyId: string): Promise<boolean> {
    return this.isPlatformAdmin(actor) || (await this.companyRole(actor, companyId)) !== null;
  }

  /** Profiles: experts are public; other people are visible to signed-in users. */
  canSeePerson(actor: MaybeActor, person: { id: string; isExpert: boolean }): boolean {
    return person.isExpert || actor !== null;
  }

  async staffRole(actor: MaybeActor, organizationId: string): Promise<StaffRole | null> {
    if (!actor) return null;
    const rows: { role: StaffRole }[] = await this.db.query(
      'SELECT role FROM organization_staff WHERE organization_id = $1 AND person_id = $2',
      [organizationId, actor.personId],
    );
    return rows[0]?.role ?? null;
  }

  canCreateOrganization(actor: MaybeActor): boolean {
    return this.isPlatformAdmin(actor);
  }

  async canManageOrganization(actor: MaybeActor, organizationId: string): Promise<boolean> {
    return this.isPlatformAdmin(actor) || (await this.staffRole(actor, organizationId)) === 'admin';
  }

  // ---------- networks ----------

  /** The person's standing in a network, or null when the network does not exist. */
  async networkStanding(actor: MaybeActor, networkId: string): Promise<NetworkStanding | null> {
    return (await this.networkStandings(actor, [networkId])).get(networkId) ?? null;
  }

  /**
   * The person's standing in several networks at once (lists): one query; absent networks are missing from the map.
   * Inside a transaction, pass its EntityManager as `db` (PGlite: never read through another connection then).
   */
  async networkStandings(
    actor: MaybeActor,
    networkIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<Map<string, NetworkStanding>> {
    if (!networkIds.length) return new Map();
    // One network (most pages): an array of one parameter, so that PostgreSQL keeps a generic plan of the statement
    // instead of planning it again at every request (its estimates for an array parameter favour custom plans).
    const single = networkIds.length === 1;
    const [row] = await preparedQuery<{ standings: NetworkStandingRow[] | null }>(
      db,
      `SELECT ${this.networkStandingsSql(single ? 'ARRAY[$1::uuid]' : '$1::uuid[]', '$2::uuid')} AS standings`,
      [single ? networkIds[0] : networkIds, this.personParam(actor)],
    );
    return this.networkStandingsOf(actor, row.standings);
  }

  /**
   * The person parameter of statements built on networkStandingsSql: an anonymous reader is a person id that
   * matches nobody rather than NULL. Given NULL, PostgreSQL folds the person's subqueries away in a custom plan,
   * finds that cheaper than the statement's generic plan and so plans the statement again at every execution
   * (a forum topic page: 0.79 ms a call instead of 0.36 ms, measured on the forums benchmark's data set).
   */
  personParam(actor: MaybeActor): string {
    return actor?.personId ?? NOBODY;
  }

  /**
   * A SQL expression: the JSON standings of a person (`person`, a uuid expression; see personParam) in the networks
   * `ids` (a uuid[] expression), for the busiest pages that read an object and its networks' standings in one
   * statement (a forum topic). Read them with networkStandingsOf.
   */
  networkStandingsSql(ids: string, person: string): string {
    return `(SELECT json_agg(json_build_object('id', n.id, 'visibility', n.visibility, 'join_policy', n.join_policy,
              'host_organization_id', n.host_organization_id,
              'host_staff', EXISTS (SELECT 1 FROM organization_staff s WHERE s.organization_id = n.host_organization_id AND s.person_id = ${person}),
              'roles', (SELECT array_agg(DISTINCT m.role) FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
                        WHERE m.network_id = n.id AND cm.person_id = ${person} AND m.status = 'active'),
              'invited', EXISTS (SELECT 1 FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
                        WHERE m.network_id = n.id AND cm.person_id = ${person} AND m.status = 'invited')))
            FROM networks n WHERE n.id = ANY(${ids}))`;
  }

  /** The standings read by networkStandingsSql; absent networks are missing from the map. */
  networkStandingsOf(actor: MaybeActor, rows: NetworkStandingRow[] | null): Map<string, NetworkStanding> {
    const result = new Map<string, NetworkStanding>();
    for (const row of rows ?? []) {
      const roles = row.roles ?? [];
      const activeRole = roles.length ? roles.reduce((a, b) => (ROLE_RANK[b] > ROLE_RANK[a] ? b : a)) : null;
      result.set(row.id, {
        visibility: row.visibility,
        joinPolicy: row.join_policy,
        hostOrganizationId: row.host_organization_id,
        platformAdmin: this.isPlatformAdmin(actor),
        hostStaff: !!actor && row.host_staff,
        activeRole: actor ? activeRole : null,
        invited: !!actor && row.invited,
      });
    }
    return result;
  }

  /** Public and private networks show their card to everyone; secret ones only to members, invitees, host staff and platform admins. */
  canSeeNetwork(s: NetworkStanding | null): s is NetworkStanding {
    if (!s) return false;
    return s.visibility !== 'secret' || s.platformAdmin || s.hostStaff || s.activeRole !== null || s.invited;
  }

  /** The member list: everyone for public networks; otherwise active members, host staff and platform admins. */
  canSeeNetworkMembers(s: NetworkStanding): boolean {
    return s.visibility === 'public' || s.platformAdmin || s.hostStaff || s.activeRole !== null;
  }

  /** Managing a network (its settings, parents, memberships, history): platform admins, host staff, animators. */
  canManageNetwork(s: NetworkStanding): boolean {
    return s.platformAdmin || s.hostStaff || s.activeRole === 'animator';
  }

  /** Creating a network hosted by an organisation: its staff, or a platform admin. */
  async canCreateNetwork(actor: MaybeActor, hostOrganizationId: string): Promise<boolean> {
    return this.isPlatformAdmin(actor) || (await this.staffRole(actor, hostOrganizationId)) !== null;
  }

  /** Joining, accepting an invitation or leaving on behalf of a company: its owners and admins. */
  async canActForCompany(actor: MaybeActor, companyId: string): Promise<boolean> {
    if (!actor) return false;
    const role = await this.companyRole(actor, companyId);
    return role !== null && COMPANY_EDITORS.includes(role);
  }

  /**
   * The networks a person may see, as a SQL condition on the alias `n` (for lists and search);
   * `bind` adds a query parameter and returns its placeholder.
   */
  visibleNetworksCondition(actor: MaybeActor, bind: (value: unknown) => string): string {
    if (this.isPlatformAdmin(actor)) return 'TRUE';
    if (!actor) return "n.visibility <> 'secret'";
    const personParam = `${bind(actor.personId)}::uuid`;
    return `(n.visibility <> 'secret'
      OR EXISTS (SELECT 1 FROM organization_staff s WHERE s.organization_id = n.host_organization_id AND s.person_id = ${personParam})
      OR EXISTS (SELECT 1 FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
                 WHERE m.network_id = n.id AND cm.person_id = ${personParam} AND m.status IN ('active', 'invited')))`;
  }

  /**
   * Search: the keys of the restricted documents this person may find (applied in the engine query):
   * the person, the networks they are an active member of or invited to (`network:`), those they are
   * an active member of (`member:`), and the organisations they are staff of (secret networks' documents
   * carry `networkAudience`, private forums' topics `forumAudience`). Platform admins see everything.
   */
  async searchAudience(actor: MaybeActor): Promise<SearchAudience> {
    if (this.isPlatformAdmin(actor)) return 'all';
    if (!actor) return [];
    const [row]: { networks: string[] | null; memberships: string[] | null; orgs: string[] | null; animated: string[] | null }[] = await this.db.query(
      `SELECT (SELECT array_agg(DISTINCT m.network_id::text) FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
               WHERE cm.person_id = $1 AND m.status IN ('active', 'invited')) AS networks,
              (SELECT array_agg(DISTINCT m.network_id::text) FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
               WHERE cm.person_id = $1 AND m.status = 'active') AS memberships,
              (SELECT array_agg(s.organization_id::text) FROM organization_staff s WHERE s.person_id = $1) AS orgs,
              (SELECT array_agg(DISTINCT m.network_id::text) FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
               WHERE cm.person_id = $1 AND m.status = 'active' AND m.role = 'animator') AS animated`,
      [actor.personId],
    );
    return [
      `person:${actor.personId}`,
      ...(row.networks ?? []).map((id) => `network:${id}`),
      ...(row.memberships ?? []).map((id) => `member:${id}`),
      ...(row.orgs ?? []).map((id) => `org:${id}`),
      ...(row.animated ?? []).map((id) => `animator:${id}`),
    ];
  }

  /** Search: every hit is checked again before it is returned (the index may lag behind a privacy change). */
  canSeeSearchHit(audience: SearchAudience, hit: { visibility: string; audience: readonly string[] }): boolean {
    if (hit.visibility === 'public') return true;
    return audience === 'all' || hit.audience.some((key) => audience.includes(key));
  }

  // ---------- networks: invitations, notifications, members export, federations (issue 4, modules/networks) ----------

  /** E-mail invitations and shareable links (create, list, revoke): the network's managers. */
  canInviteToNetwork(s: NetworkStanding): boolean {
    return this.canManageNetwork(s);
  }

  /** The members CSV export lists every status, like the managers' member list: the network's managers. */
  canExportNetworkMembers(s: NetworkStanding): boolean {
    return this.canManageNetwork(s);
  }

  /**
   * The people's e-mail addresses in the members export: platform admins and the host organisation's
   * staff (the host runs the network and answers for its member relations). An animating member
   * company gets its peers' names, job titles and roles, not their addresses, which otherwise stay
   * visible to their own company only (see canSeeCompanyContacts). Only active members' people are listed.
   */
  canSeeNetworkMemberContacts(s: NetworkStanding): boolean {
    return s.platformAdmin || s.hostStaff;
  }

  /** A network's figures (member count, new members, forum activity): whoever may see its members. */
  canSeeNetworkActivity(s: NetworkStanding): boolean {
    return this.canSeeNetworkMembers(s) || this.canManageNetwork(s);
  }

  /**
   * Who is told about a membership request: the people who may decide on it (the host's staff and
   * the people of the network's animator companies); platform admins are not notified.
   */
  async networkManagerIds(networkId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT s.person_id AS id FROM organization_staff s JOIN networks n ON n.host_organization_id = s.organization_id WHERE n.id = $1
       UNION
       SELECT cm.person_id FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
       WHERE m.network_id = $1 AND m.status = 'active' AND m.role = 'animator'`,
      [networkId],
    );
    return rows.map((r) => r.id);
  }

  /** Who is told about decisions on a company's membership: the people who act for it (owners, admins). */
  async companyRepresentativeIds(companyId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query('SELECT person_id AS id FROM company_members WHERE company_id = $1 AND role = ANY($2::text[])', [
      companyId,
      COMPANY_EDITORS,
    ]);
    return rows.map((r) => r.id);
  }

  // ---------- end of networks (issue 4) ----------

  // ---------- moderation (modules/moderation) ----------

  /**
   * Moderating a network (its report queue, hide/restore/dismiss, warnings): platform admins, host
   * staff, the network's animators and moderators. Reports and the audit log stay private to them.
   */
  canModerateNetwork(s: NetworkStanding): boolean {
    return s.platformAdmin || s.hostStaff || s.activeRole === 'animator' || s.activeRole === 'moderator';
  }

  /** The moderation audit log: the same people as the queue. */
  canReadModerationLog(s: NetworkStanding): boolean {
    return this.canModerateNetwork(s);
  }

  /** Reporting: any signed-in person who may see the content (the content's feature answers that through its resolver). */
  canReport(actor: MaybeActor, contentVisible: boolean): boolean {
    return actor !== null && contentVisible;
  }

  /** Posting rate limits apply to ordinary members; the network's moderators, animators, host staff and admins are exempt. */
  isExemptFromPostingLimits(s: NetworkStanding): boolean {
    return this.canModerateNetwork(s);
  }

  // ---------- end of moderation ----------

  // ---------- forums (modules/forums) ----------

  /**
   * Reading a network's forum: everyone (anonymous included) for public networks; otherwise only
   * active members, host staff and platform admins. Pending, invited, former and banned members
   * see a private or secret forum as absent (404).
   */
  canReadForum(s: NetworkStanding | null): s is NetworkStanding {
    if (!s) return false;
    return s.visibility === 'public' || this.canPostInForum(s);
  }

  /** Opening topics, replying, reacting, uploading attachments: active members, host staff, platform admins. */
  canPostInForum(s: NetworkStanding): boolean {
    return s.platformAdmin || s.hostStaff || s.activeRole !== null;
  }

  /** Pin, lock, move, mark solved, hide/restore, delete others' posts: the network's moderators and animators, host staff, admins. */
  canModerateForum(s: NetworkStanding): boolean {
    return this.canModerateNetwork(s);
  }

  /** Forum categories, and sharing topics with sibling networks: animators, host staff, platform admins. */
  canManageForum(s: NetworkStanding): boolean {
    return this.canManageNetwork(s);
  }

  /**
   * What a person may do with a topic, from their standing in its home network and in the networks
   * it is shared with (their members read and reply; moderation stays with the home network).
   * A deleted topic is absent for everyone. Topics of secret networks are never shared (that would
   * reveal the network to the members of the other one).
   */
  forumTopicRights(
    actor: MaybeActor,
    topic: { authorId: string | null; locked: boolean; deleted: boolean },
    home: NetworkStanding,
    shared: readonly NetworkStanding[],
  ): ForumTopicRights {
    const networks = [home, ...shared];
    const read = !topic.deleted && networks.some((s) => this.canReadForum(s));
    const post = read && actor !== null && networks.some((s) => this.canPostInForum(s));
    const moderate = read && this.canModerateForum(home);
    const author = read && actor !== null && topic.authorId === actor.personId;
    return {
      read,
      post,
      reply: post && (!topic.locked || moderate),
      moderate,
      author,
      editOwn: author && post && !topic.locked,
      share: read && this.canManageForum(home) && home.visibility !== 'secret',
    };
  }

  /** Among these people, those who may read a forum of one of these networks now (notifications and e-mails go to them only). */
  async forumReadersAmong(networkIds: readonly string[], personIds: readonly string[], db: Pick<EntityManager, 'query'> = this.db): Promise<Set<string>> {
    if (!networkIds.length || !personIds.length) return new Set();
    const rows: { id: string }[] = await db.query(
      `SELECT p.id FROM people p WHERE p.id = ANY($2::uuid[]) AND (p.platform_role = 'admin' OR EXISTS (
         SELECT 1 FROM networks n WHERE n.id = ANY($1::uuid[]) AND (n.visibility = 'public'
           OR EXISTS (SELECT 1 FROM organization_staff s WHERE s.organization_id = n.host_organization_id AND s.person_id = p.id)
           OR EXISTS (SELECT 1 FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
                      WHERE m.network_id = n.id AND cm.person_id = p.id AND m.status = 'active'))))`,
      [networkIds, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Among these people, those who may be mentioned in a topic of these networks: the people of their active member companies. */
  async forumMentionableAmong(networkIds: readonly string[], personIds: readonly string[], db: Pick<EntityManager, 'query'> = this.db): Promise<Set<string>> {
    if (!networkIds.length || !personIds.length) return new Set();
    const rows: { id: string }[] = await db.query(
      `SELECT DISTINCT cm.person_id AS id FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
       WHERE m.network_id = ANY($1::uuid[]) AND m.status = 'active' AND cm.person_id = ANY($2::uuid[])`,
      [networkIds, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  // ---------- end of forums ----------

  // ---------- documents (modules/documents, issue 6) ----------
  // Reading a library: whoever reads the network's content (canReadForum). Writing (uploads, new versions,
  // restores, folders): active members, host staff, platform admins. Managing (rename/move/delete anything,
  // animators-only folders): the network's managers (canManageNetwork); an uploader also edits their document.
  // An animators-only folder and everything below it exist for the managers only (404 for everyone else).

  canReadDocuments(s: NetworkStanding | null): s is NetworkStanding {
    return this.canReadForum(s);
  }

  canWriteDocuments(actor: MaybeActor, s: NetworkStanding): boolean {
    return actor !== null && this.canPostInForum(s);
  }

  canManageDocuments(s: NetworkStanding): boolean {
    return this.canManageNetwork(s);
  }

  /** A folder (or a document in it) whose path holds an animators-only folder: the managers only. */
  canSeeDocumentFolder(s: NetworkStanding, restricted: boolean): boolean {
    return !restricted || this.canManageDocuments(s);
  }

  canEditDocument(actor: MaybeActor, s: NetworkStanding, document: { createdById: string | null }): boolean {
    return this.canManageDocuments(s) || (actor !== null && document.createdById === actor.personId && this.canWriteDocuments(actor, s));
  }

  /**
   * Search audience of a document: public in a public network's open folders; otherwise the network's
   * content readers (forumAudience), or its managers in animators-only folders (`animator:` keys from
   * searchAudience, and the host's staff).
   */
  documentAudience(network: { id: string; visibility: NetworkVisibility; hostOrganizationId: string }, restricted: boolean): { visibility: 'public' | 'restricted'; audience: string[] } {
    if (restricted) return { visibility: 'restricted', audience: [`animator:${network.id}`, `org:${network.hostOrganizationId}`] };
    if (network.visibility === 'public') return { visibility: 'public', audience: [] };
    return { visibility: 'restricted', audience: forumAudience(network.id, network.hostOrganizationId) };
  }

  // ---------- end of documents ----------

  // ---------- messaging (modules/messaging, issue 5) ----------
  // Any signed-in person may start a conversation with any other existing person who has not blocked them.
  // Only current participants (not left, not removed) see a conversation; others get the same 404 as for an
  // absent one. In a direct conversation, a block either way stops posting, and the blocked person no longer
  // follows it live (they keep its history). Blocks do not apply inside groups, but nobody can add to a group
  // someone who blocked them. Only the sender edits or deletes a message; only a group's owner manages it.

  /** The actor's place in a conversation they currently take part in, or null (absent, never joined, left). */
  async conversationStanding(actor: MaybeActor, conversationId: string, db: Pick<EntityManager, 'query'> = this.db): Promise<ConversationStanding | null> {
    if (!actor || !UUID.test(conversationId)) return null;
    const rows: { kind: 'direct' | 'group'; role: 'owner' | 'member'; blocked_by_other: boolean; blocking_other: boolean }[] = await db.query(
      `SELECT c.kind, me.role,
              EXISTS (SELECT 1 FROM conversation_participants o JOIN person_blocks b ON b.blocker_id = o.person_id AND b.blocked_id = me.person_id
                      WHERE c.kind = 'direct' AND o.conversation_id = c.id AND o.person_id <> me.person_id) AS blocked_by_other,
              EXISTS (SELECT 1 FROM conversation_participants o JOIN person_blocks b ON b.blocked_id = o.person_id AND b.blocker_id = me.person_id
                      WHERE c.kind = 'direct' AND o.conversation_id = c.id AND o.person_id <> me.person_id) AS blocking_other
       FROM conversations c JOIN conversation_participants me ON me.conversation_id = c.id AND me.person_id = $2 AND me.left_at IS NULL
       WHERE c.id = $1`,
      [conversationId, actor.personId],
    );
    const row = rows[0];
    return row ? { conversationId, kind: row.kind, role: row.role, blockedByOther: row.blocked_by_other, blockingOther: row.blocking_other } : null;
  }

  /** May follow the room `conversation:<id>` (checked at join, after a reconnect and on every revalidation). */
  canFollowConversation(s: ConversationStanding | null): s is ConversationStanding {
    return s !== null && !s.blockedByOther;
  }

  canPostInConversation(s: ConversationStanding): boolean {
    return !s.blockedByOther && !s.blockingOther;
  }

  /** Rename, add and remove participants: a group's owner. */
  canManageConversation(s: ConversationStanding): boolean {
    return s.kind === 'group' && s.role === 'owner';
  }

  canEditMessage(actor: Actor, message: { senderId: string | null }): boolean {
    return message.senderId === actor.personId;
  }

  /**
   * Whom among `personIds` the actor may not start a conversation with or add to a group: `unknown` (no such
   * person, or the actor themself) and `blockedBy` (they blocked the actor, or the actor blocked them).
   */
  async messagingRefusals(actor: Actor, personIds: readonly string[], db: Pick<EntityManager, 'query'> = this.db): Promise<{ unknown: string[]; blocked: string[] }> {
    const ids = [...new Set(personIds)];
    const rows: { id: string; blocked: boolean }[] = await db.query(
      `SELECT p.id, EXISTS (SELECT 1 FROM person_blocks b WHERE (b.blocker_id = p.id AND b.blocked_id = $2) OR (b.blocker_id = $2 AND b.blocked_id = p.id)) AS blocked
       FROM people p WHERE p.id = ANY($1::uuid[]) AND p.id <> $2`,
      [ids, actor.personId],
    );
    const found = new Set(rows.map((r) => r.id));
    return { unknown: ids.filter((id) => !found.has(id)), blocked: rows.filter((r) => r.blocked).map((r) => r.id) };
  }

  /**
   * SQL condition (for a row `me` of conversation_participants in conversation `c`): the participant may post,
   * i.e. no block stands between them and the other person of a direct conversation.
   */
  conversationPostableCondition(me: string, c: string): string {
    return `(${c}.kind = 'group' OR NOT EXISTS (SELECT 1 FROM conversation_participants o JOIN person_blocks b
        ON (b.blocker_id = o.person_id AND b.blocked_id = ${me}.person_id) OR (b.blocked_id = o.person_id AND b.blocker_id = ${me}.person_id)
        WHERE o.conversation_id = ${c}.id AND o.person_id <> ${me}.person_id))`;
  }

  /**
   * The people who see the person's presence (and whose presence the person sees): the other current participants
   * of their direct conversations and of their groups of at most PRESENCE_GROUP_MAX people, without a block
   * between them. Bigger groups share no presence: each change would go to every member (n members coming online
   * send n² events), and the web app shows presence in direct conversations only. A group's size is counted no
   * further than the limit.
   */
  async presenceContacts(personId: string): Promise<string[]> {
    const rows = await preparedQuery<{ id: string }>(
      this.db,
      `SELECT DISTINCT o.person_id AS id FROM conversation_participants me
       JOIN conversations c ON c.id = me.conversation_id
       JOIN conversation_participants o ON o.conversation_id = me.conversation_id AND o.person_id <> me.person_id AND o.left_at IS NULL
       WHERE me.person_id = $1 AND me.left_at IS NULL
         AND (c.kind = 'direct' OR (SELECT count(*) FROM (SELECT 1 FROM conversation_participants s
                                     WHERE s.conversation_id = c.id AND s.left_at IS NULL LIMIT $2::int + 1) AS s) <= $2::int)
         AND NOT EXISTS (SELECT 1 FROM person_blocks b WHERE (b.blocker_id = o.person_id AND b.blocked_id = $1) OR (b.blocker_id = $1 AND b.blocked_id = o.person_id))`,
      [personId, PRESENCE_GROUP_MAX],
    );
    return rows.map((r) => r.id);
  }

  /** Those of `personIds` who currently take part in the conversation (notifications re-check this). */
  async conversationParticipantsAmong(conversationId: string, personIds: readonly string[], db: Pick<EntityManager, 'query'> = this.db): Promise<Set<string>> {
    const rows: { id: string }[] = await db.query(
      'SELECT person_id AS id FROM conversation_participants WHERE conversation_id = $1 AND person_id = ANY($2::uuid[]) AND left_at IS NULL',
      [conversationId, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  // ---------- end of messaging ----------

  // ---------- agenda (modules/agenda, issue 6) ----------
  // A network's published events are seen by the readers of its forum: everyone for public networks; for
  // private and secret ones, active members, host staff and platform admins only (outsiders get a 404). An
  // event shared by several networks is seen by the readers of any of them. Drafts and proposals are seen
  // by the event's managers and their author only. Managers (animators, host staff, admins of the home
  // network or of a sharing network) edit, cancel, see attendees, check in and export. The online link goes
  // to registered people and managers only: never to lists, feeds of other people, search or notifications.

  /** A network's agenda (its published events). */
  canSeeNetworkAgenda(s: NetworkStanding | null): s is NetworkStanding {
    return this.canReadForum(s);
  }

  /** Publishing, editing and cancelling events, attendees, check-in, export, the agenda settings. */
  canManageAgenda(s: NetworkStanding): boolean {
    return this.canManageNetwork(s);
  }

  /** Creating an event in a network: managers publish; active members propose where the network allows it. */
  canProposeEvent(s: NetworkStanding, memberProposals: boolean): boolean {
    return this.canManageAgenda(s) || (memberProposals && s.activeRole !== null);
  }

  /** What a person may do with an event, from their standing in its home network and in the networks sharing it. */
  eventRights(
    actor: MaybeActor,
    event: { status: string; createdById: string | null },
    home: NetworkStanding,
    shared: readonly NetworkStanding[],
  ): { read: boolean; manage: boolean; register: boolean } {
    const manage = [home, ...shared].some((s) => this.canManageAgenda(s));
    const published = event.status === 'published' || event.status === 'cancelled';
    const author = actor !== null && event.createdById === actor.personId;
    const read = manage || (published ? [home, ...shared].some((s) => this.canSeeNetworkAgenda(s)) : author);
    return { read, manage, register: read && actor !== null && event.status === 'published' };
  }

  /** The online link of an event: its registered people and its managers. */
  canSeeEventLink(rights: { manage: boolean }, registrationStatus: string | null): boolean {
    return rights.manage || registrationStatus === 'registered';
  }

  /**
   * Among these people, those who may see an event now (its notifications, when sent and when shown again): the
   * readers of its network's agenda or of one it is shared with. Nobody once the event is gone.
   */
  async eventReadersAmong(eventId: string, personIds: readonly string[], db: Pick<EntityManager, 'query'> = this.db): Promise<Set<string>> {
    const [row]: { ids: string[] | null }[] = await db.query(
      `SELECT array_agg(x.id) AS ids FROM (SELECT network_id AS id FROM agenda_events WHERE id = $1
                                          UNION SELECT network_id FROM agenda_event_shares WHERE event_id = $1) x`,
      [eventId],
    );
    return this.forumReadersAmong(row?.ids ?? [], personIds, db);
  }

  /**
   * The networks whose published events a person sees, as a SQL condition on the alias `n` (agenda lists
   * and feeds); `personId` null for anonymous visitors and feeds of nobody.
   */
  agendaNetworksCondition(actor: MaybeActor, bind: (value: unknown) => string): string {
    if (this.isPlatformAdmin(actor)) return 'TRUE';
    if (!actor) return "n.visibility = 'public'";
    const personParam = `${bind(actor.personId)}::uuid`;
    return `(n.visibility = 'public'
      OR EXISTS (SELECT 1 FROM organization_staff s WHERE s.organization_id = n.host_organization_id AND s.person_id = ${personParam})
      OR EXISTS (SELECT 1 FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
                 WHERE m.network_id = n.id AND cm.person_id = ${personParam} AND m.status = 'active'))`;
  }

  // ---------- end of agenda ----------

  canAdministerPlatform(actor: MaybeActor): boolean {
    return this.isPlatformAdmin(actor);
  }

  /** Throws the same 404 for "forbidden" and "absent" so that private objects do not reveal themselves. */
  async assert(allowed: boolean | Promise<boolean>, options: { hide?: string } = {}): Promise<void> {
    if (await allowed) return;
    throw options.hide ? AppException.notFound(options.hide) : AppException.forbidden();
  }
}
