import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompanyRole, StaffRole } from '@maillage/contracts';
import { AppException } from '../errors/app-exception';
import type { SearchAudience } from '../search/search.types';
import type { MaybeActor } from './actor';

const COMPANY_EDITORS: readonly CompanyRole[] = ['owner', 'admin'];

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
