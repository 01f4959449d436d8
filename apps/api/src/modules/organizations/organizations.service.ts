import { Injectable } from '@nestjs/common';
import type { UploadSource } from '../../core/storage/upload-source';
import { DataSource, EntityManager } from 'typeorm';
import type { Organization as OrganizationView, StaffMember } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { FilesService } from '../../core/storage/files.service';
import { Person } from '../identity/entities/person.entity';
import type { AddStaffDto, OrganizationDto } from './dto/organization.dto';
import { OrganizationStaff } from './entities/organization-staff.entity';
import { Organization } from './entities/organization.entity';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly files: FilesService,
  ) {}

  async list(): Promise<OrganizationView[]> {
    const rows: (Organization & { staff_count: string; logo_file_id: string | null })[] = await this.db.query(
      `SELECT o.id, o.name, o.kind, o.parent_id AS "parentId", o.commune_code AS "communeCode", o.website, o.description, o.accent_color AS "accentColor", o.logo_file_id,
              (SELECT count(*) FROM organization_staff s WHERE s.organization_id = o.id) AS staff_count
       FROM organizations o ORDER BY o.parent_id NULLS FIRST, o.name`,
    );
    return rows.map(
      ({ staff_count, logo_file_id, ...o }) =>
        ({ ...o, logoUrl: logo_file_id ? `/api/v1/files/${logo_file_id}` : null, staffCount: Number(staff_count) }) as OrganizationView,
    );
  }

  async get(id: string): Promise<OrganizationView> {
    const found = (await this.list()).find((o) => o.id === id);
    if (!found) throw AppException.notFound('Organization');
    return found;
  }

  async create(actor: Actor, dto: OrganizationDto): Promise<OrganizationView> {
    await this.access.assert(this.access.canCreateOrganization(actor));
    const id = await this.db.transaction(async (tx) => {
      await this.checkInput(tx, dto, null);
      return (await tx.save(Organization, tx.create(Organization, dto))).id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, dto: OrganizationDto): Promise<OrganizationView> {
    await this.assertManageable(actor, id);
    await this.db.transaction(async (tx) => {
      await this.checkInput(tx, dto, id);
      if (!this.access.isPlatformAdmin(actor)) await this.assertSameStructure(tx, id, dto);
      await tx.update(Organization, id, { ...dto });
    });
    return this.get(id);
  }

  /** The logo (`source` null: removes it), resized by core/storage; its admins (and platform admins) set it. */
  async setLogo(actor: Actor, id: string, source: UploadSource | null): Promise<OrganizationView> {
    await this.assertManageable(actor, id);
    await this.files.replaceImage(source, actor.personId, (fileId) =>
      this.db.transaction(async (tx) => {
        const previous = (await tx.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } }))?.logoFileId;
        if (previous === undefined) throw AppException.notFound('Organization');
        await tx.update(Organization, id, { logoFileId: fileId });
        return previous;
      }),
    );
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.access.assert(this.access.canCreateOrganization(actor));
    const logo = (await this.db.manager.findOneBy(Organization, { id }))?.logoFileId ?? null;
    const result = await this.db.manager.delete(Organization, id);
    if (!result.affected) throw AppException.notFound('Organization');
    await this.files.remove(logo);
  }

  async staff(actor: Actor, id: string): Promise<StaffMember[]> {
    await this.assertManageable(actor, id);
    const rows = await this.db.manager.find(OrganizationStaff, {
      where: { organizationId: id },
      relations: { person: true },
      order: { createdAt: 'ASC' },
    });
    return rows.flatMap(({ person, role }) =>
      person ? [{ personId: person.id, firstName: person.firstName, lastName: person.lastName, email: person.email, role }] : [],
    );
  }

  /** Adds (or changes the role of) a person who already has an account. */
  async addStaff(actor: Actor, id: string, dto: AddStaffDto): Promise<StaffMember[]> {
    await this.assertManageable(actor, id);
    const person = await this.db.manager.findOneBy(Person, { email: dto.email });
    if (!person) {
      throw AppException.badRequest('UNKNOWN_PERSON', 'No account uses this address: ask the person to sign up first', [
        { field: 'email', messages: ['has no account'] },
      ]);
    }
    await this.db.manager.upsert(OrganizationStaff, { organizationId: id, personId: person.id, role: dto.role }, [
      'organizationId',
      'personId',
    ]);
    return this.staff(actor, id);
  }

  /** A newcomer vouched for by the organisation's own sign-in service joins its staff as an animator. */
  async enlistFromSingleSignOn(tx: EntityManager, organizationId: string, personId: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(OrganizationStaff)
      .values({ organizationId, personId, role: 'animator' })
      .orIgnore()
      .execute();
  }

  async removeStaff(actor: Actor, id: string, personId: string): Promise<void> {
    await this.assertManageable(actor, id);
    const result = await this.db.manager.delete(OrganizationStaff, { organizationId: id, personId });
    if (!result.affected) throw AppException.notFound('Staff member');
  }

  private async assertManageable(actor: Actor, id: string) {
    if (!(await this.db.manager.existsBy(Organization, { id }))) throw AppException.notFound('Organization');
    await this.access.assert(this.access.canManageOrganization(actor, id));
  }

  /** An organisation's own admins edit its identity, not where it sits among the CCIs (kind, parent): platform admins do. */
  private async assertSameStructure(tx: EntityManager, id: string, dto: OrganizationDto) {
    const current = await tx.findOneByOrFail(Organization, { id });
    const parentId = dto.parentId === undefined ? current.parentId : dto.parentId;
    if (dto.kind !== current.kind || parentId !== current.parentId) {
      throw AppException.forbidden('Only platform administrators change the kind or the parent of an organisation');
    }
  }

  private async checkInput(tx: EntityManager, dto: OrganizationDto, id: string | null) {
    const clash = await tx.findOneBy(Organization, { name: dto.name });
    if (clash && clash.id !== id)
      throw AppException.conflict('NAME_TAKEN', 'An organisation already has this name', [
        { field: 'name', messages: ['is already used'] },
      ]);
    if (!dto.parentId) return;
    if (dto.parentId === id)
      throw AppException.badRequest('INVALID_PARENT', 'An organisation cannot be its own parent', [
        { field: 'parentId', messages: ['cannot be the organisation itself'] },
      ]);
    if (!(await tx.existsBy(Organization, { id: dto.parentId }))) {
      throw AppException.badRequest('INVALID_PARENT', 'Unknown parent organisation', [{ field: 'parentId', messages: ['does not exist'] }]);
    }
  }
}
