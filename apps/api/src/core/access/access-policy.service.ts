import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompanyRole, MembershipRole, NetworkJoinPolicy, NetworkVisibility, StaffRole } from '@maillage/contracts';
import { AppException } from '../errors/app-exception';
import type { SearchAudience } from '../search/search.types';
import type { MaybeActor } from './actor';

const COMPANY_EDITORS: readonly CompanyRole[] = ['owner', 'admin'];

/** What the policy knows of a person's standing in one network (one query, see networkStanding). */
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

  /** The person's standing in several networks at once (lists): one query; absent networks are missing from the map. */
  async networkStandings(actor: MaybeActor, networkIds: readonly string[]): Promise<Map<string, NetworkStanding>> {
    const result = new Map<string, NetworkStanding>();
    if (!networkIds.length) return result;
    const rows: { id: string; visibility: NetworkVisibility; join_policy: NetworkJoinPolicy; host_organization_id: string; host_staff: boolean; roles: MembershipRole[] | null; invited: boolean }[] =
      await this.db.query(
        `SELECT n.id, n.visibility, n.join_policy, n.host_organization_id,
                EXISTS (SELECT 1 FROM organization_staff s WHERE s.organization_id = n.host_organization_id AND s.person_id = $2::uuid) AS host_staff,
                (SELECT array_agg(DISTINCT m.role) FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
                  WHERE m.network_id = n.id AND cm.person_id = $2::uuid AND m.status = 'active') AS roles,
                EXISTS (SELECT 1 FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
                  WHERE m.network_id = n.id AND cm.person_id = $2::uuid AND m.status = 'invited') AS invited
         FROM networks n WHERE n.id = ANY($1::uuid[])`,
        [networkIds, actor?.personId ?? null],
      );
    for (const row of rows) {
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
   * Search: the keys of the restricted documents this person may find (applied in the engine query).
   * Companies and experts are public; networks' members-only items add their keys here.
   */
  searchAudience(actor: MaybeActor): SearchAudience {
    if (this.isPlatformAdmin(actor)) return 'all';
    return actor ? [`person:${actor.personId}`] : [];
  }

  /** Search: every hit is checked again before it is returned (the index may lag behind a privacy change). */
  canSeeSearchHit(actor: MaybeActor, hit: { visibility: string; audience: readonly string[] }): boolean {
    if (hit.visibility === 'public') return true;
    const audience = this.searchAudience(actor);
    return audience === 'all' || hit.audience.some((key) => audience.includes(key));
  }

  canAdministerPlatform(actor: MaybeActor): boolean {
    return this.isPlatformAdmin(actor);
  }

  /** Throws the same 404 for "forbidden" and "absent" so that private objects do not reveal themselves. */
  async assert(allowed: boolean | Promise<boolean>, options: { hide?: string } = {}): Promise<void> {
    if (await allowed) return;
    throw options.hide ? AppException.notFound(options.hide) : AppException.forbidden();
  }
}
