import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type CompanyRole,
  type ContactVisibility,
  type ProfileVisibility,
  type MembershipRole,
  type NetworkJoinPolicy,
  type NetworkVisibility,
  PRESENCE_GROUP_MAX,
  type StaffRole,
  type SteeringRelation,
} from '@maillage/contracts';
import { preparedQuery } from '../database/prepared-query';
import { AppException } from '../errors/app-exception';
import type { SearchAudience } from '../search/search.types';
import type { Actor, MaybeActor } from './actor';
import { isHostStaffSql, isNetworkMemberSql, networkMemberPeopleFrom, networkStandingsJsonSql } from './network-standing.sql';
import { AGENDA_RULES } from './policies/agenda.policy';
import { DOCUMENT_RULES } from './policies/documents.policy';
import { FORUM_RULES } from './policies/forums.policy';
import { CONVERSATION_RULES } from './policies/messaging.policy';
import { MODERATION_RULES } from './policies/moderation.policy';
import { NETWORK_RULES } from './policies/networks.policy';
import type { ConversationStanding, NetworkStanding } from './standing';
import { steeringScopeSql } from './steering-scope.sql';
import { companyMembersFrom, isCompanyPersonSql } from './company-members.sql';

export type { ConversationStanding, NetworkStanding } from './standing';

const COMPANY_EDITORS: readonly CompanyRole[] = ['owner', 'admin'];

/** What the policy knows of a person's standing in one network (one query, see networkStanding). */
/** A person id that matches nobody (see AccessPolicy.personParam). */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** A network standing as networkStandingsJsonSql reads it. */
export interface NetworkStandingRow {
  id: string;
  visibility: NetworkVisibility;
  join_policy: NetworkJoinPolicy;
  host_organization_id: string;
  host_staff: boolean;
  roles: MembershipRole[] | null;
  invited: boolean;
}

/** What a reader may see of one person (see AccessPolicy.peopleDisclosure). */
export interface PersonDisclosure {
  profile: boolean;
  email: boolean;
  phone: boolean;
}

/**
 * What a reader sees of a person with these settings: `signedIn` reader, `self` (the person or a platform admin),
 * `shares` a network with them. Anonymous readers never see contacts, and profiles only of listed experts.
 */
export function discloseTo(
  signedIn: boolean,
  self: boolean,
  shares: boolean,
  settings: { isExpert: boolean; profile: ProfileVisibility; email: ContactVisibility; phone: ContactVisibility },
): PersonDisclosure {
  if (self) return { profile: true, email: true, phone: true };
  const level = (v: ProfileVisibility | ContactVisibility): boolean =>
    v === 'everyone' ? signedIn || settings.isExpert : v === 'signed_in' ? signedIn : v === 'networks' ? shares : false;
  const profile = level(settings.profile) && (signedIn || settings.isExpert);
  return { profile, email: profile && signedIn && level(settings.email), phone: profile && signedIn && level(settings.phone) };
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function networkAudience(networkId: string, hostOrganizationId: string): string[] {
  return [`network:${networkId}`, `org:${hostOrganizationId}`];
}

/** The search audience keys of a private forum's documents: the network's active members and its host's staff (see canReadForum). */
export function forumAudience(networkId: string, hostOrganizationId: string): string[] {
  return [`member:${networkId}`, `org:${hostOrganizationId}`];
}

/** The rules over a network standing, by action: the domains' tables (policies/*.policy.ts) in one place. */
const NETWORK_ACTIONS = { ...NETWORK_RULES, ...MODERATION_RULES, ...FORUM_RULES, ...AGENDA_RULES, ...DOCUMENT_RULES };
export type NetworkAction = keyof typeof NETWORK_ACTIONS;
export type ConversationAction = keyof typeof CONVERSATION_RULES;
/** Every action the entry point answers, `domain.verb`. */
export type AccessAction = NetworkAction | ConversationAction;
/** The object an action is about: a network (networks, forums, agenda, documents, moderation) or a conversation. */
export type AccessResource<A extends AccessAction> = A extends ConversationAction ? { conversation: string } : { network: string };

const isConversationAction = (action: AccessAction): action is ConversationAction => action in CONVERSATION_RULES;

const ROLE_RANK: Record<MembershipRole, number> = { member: 1, moderator: 2, animator: 3 };

/**
 * THE access policy (DESIGN §5): every "may this person see / do this" question is answered here,
 * and every path (REST, search, sockets, mails, exports) asks it rather than deciding by itself.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly db: DataSource) {}

  // ---------- the entry point: one object, or a bulk check for lists ----------

  /**
   * May the actor do `action` on this one object (a network, or a conversation for `conversation.*`)? Absent objects
   * and malformed ids: false. Inside a transaction, pass its EntityManager as `db`.
   */
  async can<A extends AccessAction>(
    actor: MaybeActor,
    action: A,
    resource: AccessResource<A>,
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<boolean> {
    const id = 'conversation' in resource ? resource.conversation : resource.network;
    return (await this.canMany(actor, action, [id], db)).has(id);
  }

  /**
   * The ids among `ids` (networks, or conversations for `conversation.*`) on which the actor may do `action`: one
   * query for any number of networks, so that lists check every row without a query per row.
   */
  async canMany(
    actor: MaybeActor,
    action: AccessAction,
    ids: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<Set<string>> {
    const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
    const allowed = new Set<string>();
    if (isConversationAction(action)) {
      for (const id of valid) {
        const standing = await this.conversationStanding(actor, id, db);
        if (standing && CONVERSATION_RULES[action](standing)) allowed.add(id);
      }
      return allowed;
    }
    for (const [id, standing] of await this.networkStandings(actor, valid, db)) if (this.allows(action, standing)) allowed.add(id);
    return allowed;
  }

  /**
   * Like `can` for one network, for the callers that go on with it: returns the standing read to decide (ask it more
   * with `allows`, no second query) or throws the same 404 as for an absent network (`hide`, the object's name).
   */
  async require(
    actor: MaybeActor,
    action: NetworkAction,
    resource: { network: string },
    options: { hide: string; db?: Pick<EntityManager, 'query'> },
  ): Promise<NetworkStanding> {
    const standing = (await this.networkStandings(actor, [resource.network], options.db ?? this.db)).get(resource.network) ?? null;
    if (!this.allows(action, standing)) throw AppException.notFound(options.hide);
    return standing;
  }

  /** The rule of `action` applied to a standing already read (null: the network is absent, nothing is allowed). */
  allows(action: NetworkAction, standing: NetworkStanding | null): standing is NetworkStanding {
    return standing !== null && NETWORK_ACTIONS[action](standing);
  }

  isPlatformAdmin(actor: MaybeActor): boolean {
    return actor?.platformRole === 'admin';
  }

  async companyRole(actor: MaybeActor, companyId: string, db: Pick<EntityManager, 'query'> = this.db): Promise<CompanyRole | null> {
    if (!actor) return null;
    const rows: { role: CompanyRole }[] = await db.query(
      `SELECT cm.role FROM ${companyMembersFrom('cm', { company: '$1', person: '$2' })}`,
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

  /**
   * People, one rule for every path that lists or shows a person (profile, company members, forum and library
   * authors, event organisers, search): who chose to be listed as an expert is public; anyone else (name, job
   * title, photo) is shown to signed-in people only. Anonymous answers are masked centrally (PeopleMaskInterceptor).
   */
  canSeePerson(actor: MaybeActor, person: { isExpert: boolean }): boolean {
    return person.isExpert || actor !== null;
  }

  /** Among these people, those the actor may not see: the people rule, then each person's privacy settings. */
  async hiddenPeopleAmong(actor: MaybeActor, personIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(personIds.filter((id) => UUID.test(id)))];
    if (!ids.length) return new Set();
    if (actor) {
      const disclosed = await this.peopleDisclosure(actor, ids);
      return new Set(ids.filter((id) => disclosed.get(id)?.profile === false));
    }
    const rows: { id: string; is_expert: boolean; profile_visibility: ProfileVisibility | null }[] = await this.db.query(
      'SELECT p.id, p.is_expert, s.profile_visibility FROM people p LEFT JOIN privacy_settings s ON s.person_id = p.id WHERE p.id = ANY($1::uuid[])',
      [ids],
    );
    const listed = new Set(
      rows
        .filter((r) => this.canSeePerson(actor, { isExpert: r.is_expert }) && (r.profile_visibility ?? 'everyone') === 'everyone')
        .map((r) => r.id),
    );
    return new Set(ids.filter((id) => !listed.has(id)));
  }

  // ---------- people's privacy settings ----------

  /**
   * What a signed-in actor may see of each person who chose privacy settings (people without settings are absent:
   * the defaults are what the services already show). Oneself and platform admins see everything; "my networks"
   * means sharing a company, an organisation's staff, or an active network (its host's staff included).
   */
  async peopleDisclosure(
    actor: MaybeActor,
    personIds: readonly string[],
    options: { withDefaults?: boolean } = {},
  ): Promise<Map<string, PersonDisclosure>> {
    const ids = [...new Set(personIds.filter((id) => UUID.test(id)))];
    const result = new Map<string, PersonDisclosure>();
    if (!ids.length) return result;
    const rows: {
      id: string;
      is_expert: boolean;
      profile_visibility: ProfileVisibility;
      email_visibility: ContactVisibility;
      phone_visibility: ContactVisibility;
    }[] = await this.db.query(
      options.withDefaults
        ? `SELECT p.id, p.is_expert, coalesce(s.profile_visibility, 'everyone') AS profile_visibility, coalesce(s.email_visibility, 'networks') AS email_visibility,
                  coalesce(s.phone_visibility, 'networks') AS phone_visibility
           FROM people p LEFT JOIN privacy_settings s ON s.person_id = p.id WHERE p.id = ANY($1::uuid[])`
        : `SELECT p.id, p.is_expert, s.profile_visibility, s.email_visibility, s.phone_visibility
           FROM privacy_settings s JOIN people p ON p.id = s.person_id WHERE s.person_id = ANY($1::uuid[])`,
      [ids],
    );
    if (!rows.length) return result;
    const everything = actor !== null && this.isPlatformAdmin(actor);
    const needShares =
      actor && !everything
        ? rows
            .filter((r) => r.id !== actor.personId && [r.profile_visibility, r.email_visibility, r.phone_visibility].includes('networks'))
            .map((r) => r.id)
        : [];
    const shared = actor && needShares.length ? await this.sharingNetworks(actor.personId, needShares) : new Set<string>();
    for (const r of rows) {
      const self = everything || (actor !== null && r.id === actor.personId);
      const settings = { isExpert: r.is_expert, profile: r.profile_visibility, email: r.email_visibility, phone: r.phone_visibility };
      result.set(r.id, discloseTo(actor !== null, self, shared.has(r.id), settings));
    }
    return result;
  }

  /** Among these people, those who share a company, an organisation's staff or an active network with the person. */
  private async sharingNetworks(personId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT t.id FROM unnest($1::uuid[]) AS t(id) WHERE
         EXISTS (SELECT 1 FROM company_members a JOIN company_members b ON b.company_id = a.company_id WHERE a.person_id = $2 AND b.person_id = t.id)
         OR EXISTS (SELECT 1 FROM organization_staff x JOIN organization_staff y ON y.organization_id = x.organization_id WHERE x.person_id = $2 AND y.person_id = t.id)
         OR EXISTS (SELECT 1 FROM ${networkMemberPeopleFrom('tm', { person: 't.id', statuses: ['active'] })} WHERE (
                      ${isNetworkMemberSql('tm.network_id', '$2')}
                      OR EXISTS (SELECT 1 FROM network_host_staff st WHERE st.network_id = tm.network_id AND st.person_id = $2)))`,
      [ids, personId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * A SQL condition keeping the people (column `personColumn`) who let themselves be found in contact search
   * (messaging contacts, mentions, the expert directory).
   */
  listedInContactsSql(personColumn: string): string {
    return `NOT EXISTS (SELECT 1 FROM privacy_settings ps_c WHERE ps_c.person_id = ${personColumn} AND NOT ps_c.in_contacts_search)`;
  }

  /**
   * A SQL condition keeping the people whose profile may be in the public expert directory: found in contact search,
   * profile shown to everyone, account neither erased nor suspended.
   */
  publicExpertSql(personColumn: string): string {
    return `${this.listedInContactsSql(personColumn)}
      AND NOT EXISTS (SELECT 1 FROM privacy_settings ps_p WHERE ps_p.person_id = ${personColumn} AND ps_p.profile_visibility <> 'everyone')
      AND NOT EXISTS (SELECT 1 FROM people pp WHERE pp.id = ${personColumn} AND (pp.erased_at IS NOT NULL OR pp.suspended_at IS NOT NULL))`;
  }

  /** A SQL condition keeping the people who did not opt out of the people lists of public networks. */
  listedInPublicMemberListsSql(personColumn: string): string {
    return `NOT EXISTS (SELECT 1 FROM privacy_settings ps_m WHERE ps_m.person_id = ${personColumn} AND NOT ps_m.in_public_member_lists)`;
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
      `SELECT ${networkStandingsJsonSql(single ? 'ARRAY[$1::uuid]' : '$1::uuid[]', '$2::uuid')} AS standings`,
      [single ? networkIds[0] : networkIds, this.personParam(actor)],
    );
    return this.networkStandingsOf(actor, row.standings);
  }

  /**
   * The person parameter of statements built on networkStandingsJsonSql: an anonymous reader is a person id that
   * matches nobody rather than NULL. Given NULL, PostgreSQL folds the person's subqueries away in a custom plan,
   * finds that cheaper than the statement's generic plan and so plans the statement again at every execution
   * (a forum topic page: 0.79 ms a call instead of 0.36 ms, measured on the forums benchmark's data set).
   */
  personParam(actor: MaybeActor): string {
    return actor?.personId ?? NOBODY;
  }

  /** The standings read by networkStandingsJsonSql (the networks module's statement, also run by the forums' pages); absent networks are missing from the map. */
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
    return s !== null && NETWORK_RULES['network.see'](s);
  }

  /** The member list: everyone for public networks; otherwise active members, host staff and platform admins. */
  canSeeNetworkMembers(s: NetworkStanding): boolean {
    return NETWORK_RULES['network.members'](s);
  }

  /**
   * The people of a network (names, job titles, companies): the people of its active member companies, its host's
   * staff and platform admins; never anonymous visitors, even of a public network (which see its companies).
   */
  canSeeNetworkPeople(s: NetworkStanding): boolean {
    return NETWORK_RULES['network.people'](s);
  }

  /** Managing a network (its settings, parents, memberships, history): platform admins, host staff, animators. */
  canManageNetwork(s: NetworkStanding): boolean {
    return NETWORK_RULES['network.manage'](s);
  }

  /** Creating a network hosted by an organisation: its staff, or a platform admin. */
  async canCreateNetwork(actor: MaybeActor, hostOrganizationId: string): Promise<boolean> {
    return this.isPlatformAdmin(actor) || (await this.staffRole(actor, hostOrganizationId)) !== null;
  }

  /** Joining, accepting an invitation or leaving on behalf of a company: its owners and admins. */
  async canActForCompany(actor: MaybeActor, companyId: string, db: Pick<EntityManager, 'query'> = this.db): Promise<boolean> {
    if (!actor) return false;
    const role = await this.companyRole(actor, companyId, db);
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
      OR ${isHostStaffSql('n.host_organization_id', personParam)}
      OR ${isNetworkMemberSql('n.id', personParam, { statuses: ['active', 'invited'] })})`;
  }

  /**
   * Search: the keys of the restricted documents this person may find (applied in the engine query):
   * the person, the networks they are an active member of or invited to (`network:`), those they are
   * an active member of (`member:`), the companies they belong to (`company:`), and the organisations they are staff of (secret networks' documents
   * carry `networkAudience`, private forums' topics `forumAudience`). Platform admins see everything.
   */
  async searchAudience(actor: MaybeActor): Promise<SearchAudience> {
    if (this.isPlatformAdmin(actor)) return 'all';
    if (!actor) return [];
    const [row]: {
      networks: string[] | null;
      memberships: string[] | null;
      orgs: string[] | null;
      animated: string[] | null;
      companies: string[] | null;
    }[] = await this.db.query(
      `SELECT (SELECT array_agg(DISTINCT m.network_id::text) FROM ${networkMemberPeopleFrom('m', { person: '$1', statuses: ['active', 'invited'] })}) AS networks,
              (SELECT array_agg(DISTINCT m.network_id::text) FROM ${networkMemberPeopleFrom('m', { person: '$1', statuses: ['active'] })}) AS memberships,
              (SELECT array_agg(s.organization_id::text) FROM organization_staff s WHERE s.person_id = $1) AS orgs,
              (SELECT array_agg(DISTINCT m.network_id::text) FROM ${networkMemberPeopleFrom('m', { person: '$1', statuses: ['active'], roles: ['animator'] })}) AS animated,
              (SELECT array_agg(cm.company_id::text) FROM ${companyMembersFrom('cm', { person: '$1' })}) AS companies`,
      [actor.personId],
    );
    return [
      `person:${actor.personId}`,
      ...(row.networks ?? []).map((id) => `network:${id}`),
      ...(row.memberships ?? []).map((id) => `member:${id}`),
      ...(row.orgs ?? []).map((id) => `org:${id}`),
      ...(row.animated ?? []).map((id) => `animator:${id}`),
      ...(row.companies ?? []).map((id) => `company:${id}`),
    ];
  }

  /** Search: every hit is checked again before it is returned (the index may lag behind a privacy change). */
  canSeeSearchHit(audience: SearchAudience, hit: { visibility: string; audience: readonly string[] }): boolean {
    if (hit.visibility === 'public') return true;
    return audience === 'all' || hit.audience.some((key) => audience.includes(key));
  }

  // ---------- networks: invitations, notifications, members export, federations (modules/networks) ----------

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
    return NETWORK_RULES['network.memberContacts'](s);
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
      `SELECT s.person_id AS id FROM network_host_staff s WHERE s.network_id = $1
       UNION
       SELECT m.person_id FROM ${networkMemberPeopleFrom('m', { network: '$1', statuses: ['active'], roles: ['animator'] })}`,
      [networkId],
    );
    return rows.map((r) => r.id);
  }

  /** Who is told about decisions on a company's membership: the people who act for it (owners, admins). */
  async companyRepresentativeIds(companyId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT cm.person_id AS id FROM ${companyMembersFrom('cm', { company: '$1', roles: COMPANY_EDITORS })}`,
      [companyId],
    );
    return rows.map((r) => r.id);
  }

  // Federations: a network's managers ask to join a parent federation; the parent's managers accept or refuse
  // (someone who manages both links them at once). Only accepted links count anywhere (pages, children, search,
  // sibling sharing). Sharing content (a forum topic, an event) into another network is for that network's
  // managers only, so that nobody publishes into a network they do not run; that network's moderators may
  // always take out what was shared into it.

  /** Accepting or refusing a network's request to join this federation; removing a child network. */
  canDecideFederationRequest(parent: NetworkStanding): boolean {
    return this.canManageNetwork(parent);
  }

  /** Sharing content into a network (forum topics, events): its managers. */
  canShareInto(target: NetworkStanding): boolean {
    return this.canManageNetwork(target);
  }

  /** Taking out of a network what another network shared into it: its moderators (and managers). */
  canRemoveSharedFrom(target: NetworkStanding): boolean {
    return this.canModerateNetwork(target);
  }

  /**
   * The networks a person may write to (newsletters, announcements): those they manage (canManageNetwork):
   * all for a platform admin, every network of the organisations they are staff of, those their company animates.
   */
  async managedNetworkIds(actor: Actor, db: Pick<EntityManager, 'query'> = this.db): Promise<string[]> {
    const rows: { id: string }[] = this.isPlatformAdmin(actor)
      ? await db.query('SELECT id FROM networks')
      : await db.query(
          `SELECT s.network_id AS id FROM network_host_staff s WHERE s.person_id = $1
           UNION
           SELECT m.network_id FROM ${networkMemberPeopleFrom('m', { person: '$1', statuses: ['active'], roles: ['animator'] })}`,
          [actor.personId],
        );
    return rows.map((r) => r.id);
  }

  /**
   * Who a network's mail goes to, as SQL rows (person_id, email, locale, network_id, company_role, naf_code,
   * departement_code): the people of the active member companies of the networks `ids` (a uuid[] expression), nobody else.
   */
  networkMemberPeopleSql(ids: string): string {
    return `SELECT cm.person_id, p.email, p.locale, cm.network_id, cm.company_role, c.naf_code, c.departement_code
      FROM network_member_people cm JOIN companies c ON c.id = cm.company_id
      JOIN people p ON p.id = cm.person_id
      WHERE cm.network_id = ANY(${ids}) AND cm.status = 'active'`;
  }

  /** Who hears of a network's news (announcements, new topics, events, documents): the people of its active member companies. */
  async networkMemberIds(networkId: string, db: Pick<EntityManager, 'query'> = this.db): Promise<string[]> {
    const rows: { person_id: string }[] = await db.query(
      `SELECT DISTINCT person_id FROM (${this.networkMemberPeopleSql('ARRAY[$1::uuid]')}) a`,
      [networkId],
    );
    return rows.map((r) => r.person_id);
  }

  // ---------- end of networks ----------

  // ---------- moderation (modules/moderation) ----------

  /**
   * Moderating a network (its report queue, hide/restore/dismiss, warnings): platform admins, host
   * staff, the network's animators and moderators. Reports and the audit log stay private to them.
   */
  /** Who is told about a report: the host's staff and the people of the network's animating and moderating companies. */
  async networkModeratorIds(networkId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT s.person_id AS id FROM network_host_staff s WHERE s.network_id = $1
       UNION
       SELECT m.person_id FROM ${networkMemberPeopleFrom('m', { network: '$1', statuses: ['active'], roles: ['animator', 'moderator'] })}`,
      [networkId],
    );
    return rows.map((r) => r.id);
  }

  canModerateNetwork(s: NetworkStanding): boolean {
    return MODERATION_RULES['network.moderate'](s);
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
    return s !== null && FORUM_RULES['forum.read'](s);
  }

  /** Opening topics, replying, reacting, uploading attachments: active members, host staff, platform admins. */
  canPostInForum(s: NetworkStanding): boolean {
    return FORUM_RULES['forum.post'](s);
  }

  /** Pin, lock, move, mark solved, hide/restore, delete others' posts: the network's moderators and animators, host staff, admins. */
  canModerateForum(s: NetworkStanding): boolean {
    return FORUM_RULES['forum.moderate'](s);
  }

  /** Forum categories, and sharing topics with sibling networks: animators, host staff, platform admins. */
  canManageForum(s: NetworkStanding): boolean {
    return FORUM_RULES['forum.manage'](s);
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
  async forumReadersAmong(
    networkIds: readonly string[],
    personIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<Set<string>> {
    if (!networkIds.length || !personIds.length) return new Set();
    const rows: { id: string }[] = await db.query(
      `SELECT p.id FROM people p WHERE p.id = ANY($2::uuid[]) AND (p.platform_role = 'admin' OR EXISTS (
         SELECT 1 FROM networks n WHERE n.id = ANY($1::uuid[]) AND (n.visibility = 'public'
           OR ${isHostStaffSql('n.host_organization_id', 'p.id')}
           OR ${isNetworkMemberSql('n.id', 'p.id')})))`,
      [networkIds, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Among these people, those who may be mentioned in a topic of these networks: the people of their active member
   * companies and their host organisation's staff (who animate them and read their forums).
   */
  async forumMentionableAmong(
    networkIds: readonly string[],
    personIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<Set<string>> {
    if (!networkIds.length || !personIds.length) return new Set();
    const rows: { id: string }[] = await db.query(
      `SELECT m.person_id AS id FROM ${networkMemberPeopleFrom('m', { network: 'ANY($1::uuid[])', person: 'ANY($2::uuid[])', statuses: ['active'] })}
       UNION
       SELECT s.person_id FROM network_host_staff s WHERE s.network_id = ANY($1::uuid[]) AND s.person_id = ANY($2::uuid[])`,
      [networkIds, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  // ---------- end of forums ----------

  // ---------- documents (modules/documents) ----------
  // Reading a library: whoever reads the network's content (canReadForum). Writing (uploads, new versions,
  // restores, folders): active members, host staff, platform admins. Managing (rename/move/delete anything,
  // animators-only folders): the network's managers (canManageNetwork); an uploader also edits their document.
  // An animators-only folder and everything below it exist for the managers only (404 for everyone else).

  canReadDocuments(s: NetworkStanding | null): s is NetworkStanding {
    return s !== null && DOCUMENT_RULES['documents.read'](s);
  }

  canWriteDocuments(actor: MaybeActor, s: NetworkStanding): boolean {
    return actor !== null && this.canPostInForum(s);
  }

  canManageDocuments(s: NetworkStanding): boolean {
    return DOCUMENT_RULES['documents.manage'](s);
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
  documentAudience(
    network: { id: string; visibility: NetworkVisibility; hostOrganizationId: string },
    restricted: boolean,
  ): { visibility: 'public' | 'restricted'; audience: string[] } {
    if (restricted) return { visibility: 'restricted', audience: [`animator:${network.id}`, `org:${network.hostOrganizationId}`] };
    if (network.visibility === 'public') return { visibility: 'public', audience: [] };
    return { visibility: 'restricted', audience: forumAudience(network.id, network.hostOrganizationId) };
  }

  // ---------- end of documents ----------

  // ---------- messaging (modules/messaging) ----------
  // Any signed-in person may start a conversation with any other existing person who has not blocked them.
  // Only current participants (not left, not removed) see a conversation; others get the same 404 as for an
  // absent one. In a direct conversation, a block either way stops posting, and the blocked person no longer
  // follows it live (they keep its history). Blocks do not apply inside groups, but nobody can add to a group
  // someone who blocked them. Only the sender edits or deletes a message; only a group's owner manages it.

  /** The actor's place in a conversation they currently take part in, or null (absent, never joined, left). */
  async conversationStanding(
    actor: MaybeActor,
    conversationId: string,
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<ConversationStanding | null> {
    if (!actor || !UUID.test(conversationId)) return null;
    const rows: { kind: 'direct' | 'group'; role: 'owner' | 'member'; blocked_by_other: boolean; blocking_other: boolean }[] =
      await db.query(
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
    return row
      ? { conversationId, kind: row.kind, role: row.role, blockedByOther: row.blocked_by_other, blockingOther: row.blocking_other }
      : null;
  }

  /** May follow the room `conversation:<id>` (checked at join, after a reconnect and on every revalidation). */
  canFollowConversation(s: ConversationStanding | null): s is ConversationStanding {
    return s !== null && CONVERSATION_RULES['conversation.follow'](s);
  }

  canPostInConversation(s: ConversationStanding): boolean {
    return CONVERSATION_RULES['conversation.post'](s);
  }

  /** Rename, add and remove participants: a group's owner. */
  canManageConversation(s: ConversationStanding): boolean {
    return CONVERSATION_RULES['conversation.manage'](s);
  }

  canEditMessage(actor: Actor, message: { senderId: string | null }): boolean {
    return message.senderId === actor.personId;
  }

  /**
   * Whom among `personIds` the actor may not start a conversation with or add to a group: `unknown` (no such
   * person, or the actor themself) and `blockedBy` (they blocked the actor, or the actor blocked them).
   */
  async messagingRefusals(
    actor: Actor,
    personIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<{ unknown: string[]; blocked: string[] }> {
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
  async conversationParticipantsAmong(
    conversationId: string,
    personIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await db.query(
      'SELECT person_id AS id FROM conversation_participants WHERE conversation_id = $1 AND person_id = ANY($2::uuid[]) AND left_at IS NULL',
      [conversationId, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  // ---------- end of messaging ----------

  // ---------- agenda (modules/agenda) ----------
  // A network's published events are seen by the readers of its forum: everyone for public networks; for
  // private and secret ones, active members, host staff and platform admins only (outsiders get a 404). An
  // event shared by several networks is seen by the readers of any of them. Drafts and proposals are seen
  // by the event's managers and their author only. Managers (animators, host staff, admins of the home
  // network or of a sharing network) edit, cancel, see attendees, check in and export. The online link goes
  // to registered people and managers only: never to lists, feeds of other people, search or notifications.

  /** A network's agenda (its published events). */
  canSeeNetworkAgenda(s: NetworkStanding | null): s is NetworkStanding {
    return s !== null && AGENDA_RULES['agenda.read'](s);
  }

  /** Publishing, editing and cancelling events, attendees, check-in, export, the agenda settings. */
  canManageAgenda(s: NetworkStanding): boolean {
    return AGENDA_RULES['agenda.manage'](s);
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
      OR ${isHostStaffSql('n.host_organization_id', personParam)}
      OR ${isNetworkMemberSql('n.id', personParam)})`;
  }

  // ---------- end of agenda ----------

  // ---------- opportunities (modules/opportunities) ----------
  // An opportunity's company (all its people) always sees it, drafts and hidden ones included; its owners and
  // admins edit it. Once published (open, closed, awarded; not cancelled, not hidden by moderation), a `public`
  // one is seen by everyone; a `networks` one by the active members of any of its networks and those networks'
  // host staff; an `invited` one by the people of the invited companies. Platform admins see everything. Nobody
  // else learns that it exists (same 404 as an absent one), through any path: lists, search, matches,
  // notifications and e-mails all use the conditions below. Responses are seen by the two companies only.

  /**
   * The opportunities a person sees, as a SQL condition on the alias `o` (a row of `opportunities`);
   * `bind` adds a query parameter and returns its placeholder.
   */
  visibleOpportunitiesCondition(actor: MaybeActor, bind: (value: unknown) => string, o = 'o'): string {
    if (this.isPlatformAdmin(actor)) return 'TRUE';
    const published = `${o}.status IN ('open', 'closed', 'awarded') AND ${o}.hidden_at IS NULL`;
    if (!actor) return `(${published} AND ${o}.audience = 'public')`;
    const p = `${bind(actor.personId)}::uuid`;
    return `(${isCompanyPersonSql(`${o}.company_id`, p)}
      OR (${published} AND (${o}.audience = 'public'
        OR (${o}.audience = 'networks' AND EXISTS (SELECT 1 FROM opportunity_networks onw JOIN networks n ON n.id = onw.network_id
              WHERE onw.opportunity_id = ${o}.id AND (
                ${isNetworkMemberSql('n.id', p)}
                OR ${isHostStaffSql('n.host_organization_id', p)})))
        OR (${o}.audience = 'invited' AND EXISTS (SELECT 1 FROM opportunity_invitations i
              WHERE i.opportunity_id = ${o}.id AND ${isCompanyPersonSql('i.company_id', p)})))))`;
  }

  /**
   * The companies in an opportunity's audience, as a SQL condition on a company alias `c` and an opportunity alias
   * `o` (matching, suggestions and notifications: a company outside it is never suggested nor told).
   */
  opportunityAudienceCompaniesCondition(c = 'c', o = 'o'): string {
    return `(${o}.audience = 'public'
      OR (${o}.audience = 'networks' AND EXISTS (SELECT 1 FROM opportunity_networks onw JOIN network_memberships m ON m.network_id = onw.network_id
            WHERE onw.opportunity_id = ${o}.id AND m.company_id = ${c}.id AND m.status = 'active'))
      OR (${o}.audience = 'invited' AND EXISTS (SELECT 1 FROM opportunity_invitations i WHERE i.opportunity_id = ${o}.id AND i.company_id = ${c}.id)))`;
  }

  /**
   * The opportunities every member of a network may see, as a SQL condition on an opportunity alias `o` and a network
   * id placeholder (a newsletter's block): published, unhidden, and shown to that network or public and published by
   * one of its active member companies. Invited-only ones and those of other networks never.
   */
  networkOpportunitiesCondition(network: string, o = 'o'): string {
    return `(${o}.status IN ('open', 'closed', 'awarded') AND ${o}.hidden_at IS NULL AND (
      (${o}.audience = 'networks' AND EXISTS (SELECT 1 FROM opportunity_networks onw WHERE onw.opportunity_id = ${o}.id AND onw.network_id = ${network}))
      OR (${o}.audience = 'public' AND EXISTS (SELECT 1 FROM network_memberships m
            WHERE m.network_id = ${network} AND m.company_id = ${o}.company_id AND m.status = 'active'))))`;
  }

  /**
   * The companies of an opportunity's restricted audience (active members of its networks, invited companies) as a
   * subquery on a placeholder of its id: where matching looks for candidates (the condition above stays the rule).
   */
  opportunityAudienceCompanyIdsSql(opportunityId: string): string {
    return `SELECT m.company_id FROM opportunity_networks onw JOIN network_memberships m ON m.network_id = onw.network_id
              WHERE onw.opportunity_id = ${opportunityId} AND m.status = 'active'
            UNION SELECT i.company_id FROM opportunity_invitations i WHERE i.opportunity_id = ${opportunityId}`;
  }

  /** Whether the person sees this opportunity now (false when absent). */
  async canSeeOpportunity(actor: MaybeActor, opportunityId: string, db: Pick<EntityManager, 'query'> = this.db): Promise<boolean> {
    if (!UUID.test(opportunityId)) return false;
    const params: unknown[] = [opportunityId];
    const bind = (v: unknown) => `$${params.push(v)}`;
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM opportunities o WHERE o.id = $1 AND ${this.visibleOpportunitiesCondition(actor, bind)}`,
      params,
    );
    return rows.length > 0;
  }

  /** Among these people, those who see the opportunity now (notifications and e-mails are re-checked with it). */
  async opportunityReadersAmong(
    opportunityId: string,
    personIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<Set<string>> {
    if (!personIds.length) return new Set();
    const found = new Set<string>();
    // One person at a time through the same condition as the REST paths (a notification goes to few people).
    for (const id of new Set(personIds)) {
      const [person]: { platform_role: Actor['platformRole'] }[] = await db.query('SELECT platform_role FROM people WHERE id = $1', [id]);
      if (person && (await this.canSeeOpportunity({ personId: id, platformRole: person.platform_role }, opportunityId, db))) found.add(id);
    }
    return found;
  }

  /** Editing, publishing, closing, attachments, matches, responses: the publishing company's owners and admins. */
  async canManageOpportunity(
    actor: MaybeActor,
    opportunity: { companyId: string },
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<boolean> {
    return this.canActForCompany(actor, opportunity.companyId, db);
  }

  /**
   * The search audience of an opportunity: public ones are public; `networks` ones are found by each network's
   * content readers (forumAudience) and the publisher's people; `invited` ones by the invited companies' people
   * and the publisher's (`company:` keys from searchAudience). Unpublished ones are not indexed.
   */
  opportunityAudience(o: {
    audience: string;
    companyId: string;
    networks: { id: string; hostOrganizationId: string }[];
    invitedCompanyIds: string[];
  }): {
    visibility: 'public' | 'restricted';
    audience: string[];
  } {
    if (o.audience === 'public') return { visibility: 'public', audience: [] };
    const own = [`company:${o.companyId}`];
    if (o.audience === 'networks')
      return { visibility: 'restricted', audience: [...own, ...o.networks.flatMap((n) => forumAudience(n.id, n.hostOrganizationId))] };
    return { visibility: 'restricted', audience: [...own, ...o.invitedCompanyIds.map((id) => `company:${id}`)] };
  }

  // A mini-grappe may be supported by a CCI "intégrateur de PME": someone who animates or hosts a network its lead
  // company is an active member of. The supporter sees the group's space, writes in it and invites the active member
  // companies of the networks he animates or hosts; he never reads the opportunity's responses (publisher and
  // responder only). He keeps the group while he keeps that standing.

  /**
   * The people who may support a mini-grappe led by `company` (a uuid expression), as SQL rows (person_id, network_id,
   * organization_id: the host organisation for its staff, else null; company_id: the animator company, else null).
   */
  groupSupportersSql(company: string): string {
    const networks = `SELECT m.network_id FROM network_memberships m WHERE m.company_id = ${company} AND m.status = 'active'`;
    return `SELECT s.person_id, s.network_id, n.host_organization_id AS organization_id, NULL::uuid AS company_id
              FROM network_host_staff s JOIN networks n ON n.id = s.network_id WHERE s.network_id IN (${networks})
            UNION
            SELECT a.person_id, a.network_id, NULL::uuid, a.company_id
              FROM ${networkMemberPeopleFrom('a', { statuses: ['active'], roles: ['animator'] })} WHERE a.network_id IN (${networks})`;
  }

  /** Whether the person may support (still supports) a mini-grappe led by this company. */
  async canSupportGroupOf(personId: string, leadCompanyId: string, db: Pick<EntityManager, 'query'> = this.db): Promise<boolean> {
    if (!UUID.test(personId)) return false;
    const rows: unknown[] = await db.query(`SELECT 1 FROM (${this.groupSupportersSql('$2::uuid')}) s WHERE s.person_id = $1 LIMIT 1`, [
      personId,
      leadCompanyId,
    ]);
    return rows.length > 0;
  }

  /** Among these people, the one who supports the group now (designated, and still eligible): its space and notifications. */
  async opportunityGroupSupportersAmong(
    groupId: string,
    personIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<Set<string>> {
    if (!UUID.test(groupId) || !personIds.length) return new Set();
    const rows: { id: string }[] = await db.query(
      `SELECT g.supporter_person_id AS id FROM opportunity_groups g
       WHERE g.id = $1 AND g.supporter_person_id = ANY($2::uuid[])
         AND EXISTS (SELECT 1 FROM (${this.groupSupportersSql('g.lead_company_id')}) s WHERE s.person_id = g.supporter_person_id)`,
      [groupId, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Among these people, those of a company invited into the group or in it (not those who declined). */
  async opportunityGroupCompanyPeopleAmong(
    groupId: string,
    personIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<Set<string>> {
    if (!UUID.test(groupId) || !personIds.length) return new Set();
    const rows: { id: string }[] = await db.query(
      `SELECT DISTINCT cm.person_id AS id FROM ${companyMembersFrom('cm', {})}
       JOIN opportunity_group_members gm ON gm.company_id = cm.company_id AND gm.group_id = $1 AND gm.status <> 'declined'
       WHERE cm.person_id = ANY($2::uuid[])`,
      [groupId, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The companies a supporter may invite into a mini-grappe, as a statement with a `company_id` column: the active
   * members of the networks the person (a uuid expression) animates or hosts.
   */
  supporterInvitableCompaniesSql(person: string): string {
    return `SELECT DISTINCT m.company_id FROM network_memberships m WHERE m.status = 'active' AND m.network_id IN (
              SELECT s.network_id FROM network_host_staff s WHERE s.person_id = ${person}
              UNION SELECT a.network_id FROM ${networkMemberPeopleFrom('a', { person, statuses: ['active'], roles: ['animator'] })})`;
  }

  // ---------- end of opportunities ----------
  // ---------- steering (cockpit, indicators, action plans, maturity, network sheets, regional view) ----------

  /**
   * The networks a person steers, with why: its animators (people of its animator companies), the staff of its host
   * and referent organisations; platform admins steer every network. Plain members steer nothing. One query.
   */
  async steeringScope(
    actor: MaybeActor,
    networkIds: readonly string[] | null = null,
    db: Pick<EntityManager, 'query'> = this.db,
    filter: { type?: string } = {},
  ): Promise<Map<string, SteeringRelation[]>> {
    const result = new Map<string, SteeringRelation[]>();
    if (!actor) return result;
    const admin = this.isPlatformAdmin(actor);
    const rows: { id: string; host: boolean; referent: boolean; animator: boolean }[] = await db.query(
      `SELECT * FROM (${steeringScopeSql('$1', '$3')}) s
       WHERE ($2::uuid[] IS NULL OR s.id = ANY($2::uuid[])) AND ($4::text IS NULL OR s.type = $4::text)`,
      [actor.personId, networkIds, admin, filter.type ?? null],
    );
    for (const r of rows) {
      const relations: SteeringRelation[] = [];
      if (r.animator) relations.push('animator');
      if (r.host) relations.push('host');
      if (r.referent) relations.push('referent');
      if (admin) relations.push('admin');
      result.set(r.id, relations);
    }
    return result;
  }

  /** May this person steer this network (its indicators, plans, maturity, sheet)? Absent networks: false. */
  async canSteerNetwork(actor: MaybeActor, networkId: string, db: Pick<EntityManager, 'query'> = this.db): Promise<boolean> {
    if (!UUID.test(networkId)) return false;
    return (await this.steeringScope(actor, [networkId], db)).has(networkId);
  }

  /**
   * The organisations a person reads in the regional view of `organizationId`: the organisation and its descendants
   * (a regional CCI and its territorial ones), provided the person is on its staff (or a platform admin). Null: not allowed.
   */
  async regionalOrganizations(
    actor: MaybeActor,
    organizationId: string,
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<string[] | null> {
    if (!actor || !UUID.test(organizationId)) return null;
    if (!this.isPlatformAdmin(actor) && (await this.staffRole(actor, organizationId)) === null) return null;
    const rows: { id: string }[] = await db.query(
      `WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = $1
                               UNION SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id)
       SELECT id FROM tree`,
      [organizationId],
    );
    return rows.length ? rows.map((r) => r.id) : null;
  }

  /**
   * The networks of a regional view: hosted or referred by one of `organizationIds`. A secret network counts only
   * for a person on the staff of its host or referent organisation (or a platform admin), so that no aggregate
   * reveals it to another CCI.
   */
  async regionalNetworkIds(
    actor: Actor,
    organizationIds: readonly string[],
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT n.id FROM networks n
       WHERE (n.host_organization_id = ANY($1::uuid[]) OR n.referent_organization_id = ANY($1::uuid[]))
         AND (n.visibility <> 'secret' OR $3::boolean
              OR EXISTS (SELECT 1 FROM organization_staff s WHERE s.person_id = $2
                         AND (s.organization_id = n.host_organization_id OR s.organization_id = n.referent_organization_id)))`,
      [organizationIds, actor.personId, this.isPlatformAdmin(actor)],
    );
    return rows.map((r) => r.id);
  }

  /** Steering settings of an organisation: its staff read them, its admins (and platform admins) change them. */
  async canReadSteeringSettings(actor: MaybeActor, organizationId: string): Promise<boolean> {
    if (!UUID.test(organizationId)) return false;
    return this.isPlatformAdmin(actor) || (await this.staffRole(actor, organizationId)) !== null;
  }

  async canEditSteeringSettings(actor: MaybeActor, organizationId: string): Promise<boolean> {
    if (!UUID.test(organizationId)) return false;
    return this.canManageOrganization(actor, organizationId);
  }

  // ---------- end of steering ----------

  // ---------- polls (modules/polls) ----------
  // A topic's poll is seen by whoever reads the topic and answered by whoever may reply in it (the forums' rights,
  // see forumTopicRights). Its author and the topic's moderators add and close it. The counts are shown once the
  // reader voted (if the author chose so) or once it closed; its author and moderators always see them.

  pollRights(
    actor: MaybeActor,
    topic: { read: boolean; reply: boolean; moderate: boolean; author: boolean },
    poll: { authorId: string | null; resultsVisibility: string; closed: boolean } | null,
    voted: boolean,
  ): { create: boolean; vote: boolean; close: boolean; seeResults: boolean } {
    const create = topic.reply && (topic.author || topic.moderate);
    if (!poll) return { create, vote: false, close: false, seeResults: false };
    const close = actor !== null && topic.read && (topic.moderate || poll.authorId === actor.personId);
    return {
      create,
      vote: actor !== null && topic.reply && !poll.closed,
      close: close && !poll.closed,
      seeResults: topic.read && (poll.closed || close || (poll.resultsVisibility === 'after_vote' && voted)),
    };
  }

  // ---------- end of polls ----------

  // ---------- surveys (modules/surveys) ----------
  // A survey is written by an animator for networks she manages (managedNetworkIds) or, for the companies of a
  // territory, by the staff of a host organisation within that organisation's territory (surveyTerritories). Its
  // owners are its author, the staff of its organisation (territory surveys) and platform admins: they alone read
  // the answers, remind and export. The people frozen as its recipients when it was sent answer it while it is
  // open; they see the aggregated results only if the owners shared them, and never anyone's text answers.

  /** The survey's owners: its author, its organisation's staff (territory surveys), platform admins. */
  async isSurveyOwner(
    actor: MaybeActor,
    survey: { authorId: string | null; organizationId: string | null },
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<boolean> {
    if (!actor) return false;
    if (this.isPlatformAdmin(actor) || survey.authorId === actor.personId) return true;
    if (!survey.organizationId) return false;
    const rows: unknown[] = await db.query('SELECT 1 FROM organization_staff WHERE organization_id = $1 AND person_id = $2', [
      survey.organizationId,
      actor.personId,
    ]);
    return rows.length > 0;
  }

  /** What a person may do with a survey, given whether they own it and whether they are among its recipients. */
  surveyRights(
    survey: { status: string; closesAt: Date | null; resultsShared: boolean },
    owner: boolean,
    recipient: boolean,
    now = new Date(),
  ): { read: boolean; manage: boolean; answer: boolean; seeResults: boolean; seeAnswers: boolean } {
    const open = survey.status === 'open' && (survey.closesAt === null || survey.closesAt > now);
    const asked = recipient && survey.status !== 'draft';
    return {
      read: owner || asked,
      manage: owner,
      answer: asked && open,
      seeResults: owner || (asked && survey.resultsShared),
      seeAnswers: owner,
    };
  }

  /**
   * The organisations whose territory a person may survey, with their départements: those they are staff of (and
   * their descendants); the territory of each is the départements of its seat and of its networks' territories.
   * `departementOfCommune` maps a commune code to its département (the referentials).
   */
  async surveyTerritories(
    actor: MaybeActor,
    departementOfCommune: (code: string) => string | null,
    db: Pick<EntityManager, 'query'> = this.db,
  ): Promise<{ id: string; name: string; departements: string[] }[]> {
    if (!actor) return [];
    const rows: { id: string; name: string; communes: string[] | null; departements: string[] | null }[] = await db.query(
      `WITH RECURSIVE mine AS (
         SELECT o.id, o.id AS root FROM organizations o
         WHERE $2::boolean OR EXISTS (SELECT 1 FROM organization_staff s WHERE s.organization_id = o.id AND s.person_id = $1)
         UNION SELECT c.id, m.root FROM organizations c JOIN mine m ON c.parent_id = m.id)
       SELECT r.id, r.name,
              array_remove(array_agg(DISTINCT o.commune_code::text) || (SELECT coalesce(array_agg(DISTINCT cc), '{}') FROM networks n, unnest(n.commune_codes) cc
                WHERE n.host_organization_id IN (SELECT id FROM mine WHERE root = r.id)), NULL) AS communes,
              (SELECT coalesce(array_agg(DISTINCT d), '{}') FROM networks n, unnest(n.departement_codes) d
                WHERE n.host_organization_id IN (SELECT id FROM mine WHERE root = r.id)) AS departements
       FROM mine m JOIN organizations r ON r.id = m.root JOIN organizations o ON o.id = m.id
       GROUP BY r.id, r.name ORDER BY r.name`,
      [actor.personId, this.isPlatformAdmin(actor)],
    );
    return rows.map((r) => {
      const codes = new Set(r.departements ?? []);
      for (const commune of r.communes ?? []) {
        const d = departementOfCommune(commune);
        if (d) codes.add(d);
      }
      return { id: r.id, name: r.name, departements: [...codes].sort() };
    });
  }

  /**
   * The people a survey may ask, as SQL rows (person_id, company_id, email, locale): for networks, the people of the
   * networks' active member companies (`networks`, a uuid[] expression); for a territory, the people of the companies
   * whose département is in `departements` or whose commune is in `communes` (text[] expressions).
   */
  surveyAudienceSql(audience: { networks: string } | { departements: string; communes: string }): string {
    if ('networks' in audience) {
      return `SELECT DISTINCT cm.person_id, cm.company_id FROM ${networkMemberPeopleFrom('cm', { network: `ANY(${audience.networks})`, statuses: ['active'] })}`;
    }
    return `SELECT DISTINCT cm.person_id, cm.company_id FROM companies c JOIN company_members cm ON cm.company_id = c.id
            WHERE c.departement_code = ANY(${audience.departements}) OR c.commune_code = ANY(${audience.communes})`;
  }

  // ---------- end of surveys ----------

  canAdministerPlatform(actor: MaybeActor): boolean {
    return this.isPlatformAdmin(actor);
  }

  /** Throws the same 404 for "forbidden" and "absent" so that private objects do not reveal themselves. */
  async assert(allowed: boolean | Promise<boolean>, options: { hide?: string } = {}): Promise<void> {
    if (await allowed) return;
    throw options.hide ? AppException.notFound(options.hide) : AppException.forbidden();
  }
}
