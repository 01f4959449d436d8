import { Inject, Injectable } from '@nestjs/common';
import { type UploadSource } from '../../core/storage/upload-source';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import type {
  Company as CompanyView,
  CompanyInvitation as InvitationView,
  CompanyMember as MemberView,
  CompanyRole,
  CompanySummary,
} from '@maillage/contracts';
import { findCommune, findHeadcountBand, findLegalForm, findNaf, sirenFromSiret } from '@maillage/referentials';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { GeoService } from '../../core/geo/geo.service';
import { MailService } from '../../core/mail/mail.service';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FilesService } from '../../core/storage/files.service';
import { Person } from '../identity/entities/person.entity';
import { throttleRules, ThrottleService } from '../identity/throttle.service';
import { hashToken, newToken } from '../../core/auth/tokens';
import { companyInvitationMail } from './companies.mail-templates';
import type { CreateCompanyDto, InviteColleagueDto, UpdateCompanyDto } from './dto/company.dto';
import { CompanyInvitation } from './entities/company-invitation.entity';
import { CompanyMember } from './entities/company-member.entity';
import { Company } from './entities/company.entity';
import { fileUrl } from '../../core/storage/file-url';

const INVITATION_DAYS = 14;
/** Every column of `companies`, aliased to the entity's property names. */
const COMPANY_COLUMNS = [
  'id',
  'siren',
  'siret',
  'legal_name',
  'trade_name',
  'naf_code',
  'legal_form_code',
  'headcount_band',
  'address_line1',
  'address_line2',
  'postal_code',
  'commune_code',
  'departement_code',
  'region_code',
  'lat',
  'lng',
  'website',
  'description',
  'logo_file_id',
  'cover_file_id',
  'created_at',
  'updated_at',
]
  .map((c) => `${c} AS "${c.replace(/_([a-z0-9])/g, (_, l: string) => l.toUpperCase())}"`)
  .join(', ');

@Injectable()
export class CompaniesService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly files: FilesService,
    private readonly geo: GeoService,
    private readonly mail: MailService,
    private readonly search: SearchIndexer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: ThrottleService,
  ) {}

  /** Creates the company, or claims it when it is known (seed, SIRENE import) but has nobody yet. */
  async createOrClaim(actor: Actor, dto: CreateCompanyDto): Promise<CompanyView> {
    const id = await this.db.transaction(async (tx) => {
      const existing = await tx.findOne(Company, { where: { siret: dto.siret }, lock: { mode: 'pessimistic_write' } });
      if (existing) {
        const people = await tx.countBy(CompanyMember, { companyId: existing.id });
        if (people > 0) {
          throw AppException.conflict('COMPANY_ALREADY_MANAGED', 'This company is already managed by its people: ask them to invite you', {
            companyId: existing.id,
          });
        }
        await tx.insert(CompanyMember, { companyId: existing.id, personId: actor.personId, role: 'owner' });
        await this.search.enqueue(tx, 'company', [existing.id]);
        return existing.id;
      }
      if (!dto.legalName) {
        throw AppException.badRequest('VALIDATION_FAILED', 'Some fields are invalid', [
          { field: 'legalName', messages: ['is required for a company that is not yet known'] },
        ]);
      }
      const company = await tx.save(
        Company,
        tx.create(Company, { siret: dto.siret, siren: sirenFromSiret(dto.siret) ?? dto.siret.slice(0, 9), legalName: dto.legalName }),
      );
      await tx.insert(CompanyMember, { companyId: company.id, personId: actor.personId, role: 'owner' });
      await this.search.enqueue(tx, 'company', [company.id]);
      return company.id;
    });
    return this.get(actor, id);
  }

  /** The public company page: one plain SQL read (the hottest read of this module). */
  async get(actor: MaybeActor, id: string): Promise<CompanyView> {
    const [company]: Company[] = await this.db.query(`SELECT ${COMPANY_COLUMNS} FROM companies WHERE id = $1`, [id]);
    if (!company) throw AppException.notFound('Company');
    const myRole = await this.access.companyRole(actor, id);
    return this.toView(company, myRole, await this.access.canEditCompany(actor, id));
  }

  async findBySiret(siret: string): Promise<CompanySummary | null> {
    const company = await this.db.manager.findOneBy(Company, { siret });
    return company ? this.toSummary(company) : null;
  }

  async update(actor: Actor, id: string, dto: UpdateCompanyDto): Promise<CompanyView> {
    await this.assertEditable(actor, id);
    await this.db.transaction(async (tx) => {
      const company = await tx.findOneOrFail(Company, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const { headcountBandCode, communeCode, ...plain } = dto;
      Object.assign(company, plain);
      if (headcountBandCode !== undefined) company.headcountBand = headcountBandCode;
      if (communeCode !== undefined) await this.placeInCommune(tx, company, communeCode);
      await tx.save(company);
      await this.search.enqueue(tx, 'company', [id]);
    });
    return this.get(actor, id);
  }

  /** The logo or the cover (`source` null: removes it), resized for its role by core/storage. */
  async setLogo(
    actor: Actor,
    id: string,
    source: UploadSource | null,
    which: 'logoFileId' | 'coverFileId' = 'logoFileId',
  ): Promise<CompanyView> {
    await this.assertEditable(actor, id);
    await this.files.replaceImage(
      source,
      actor.personId,
      (fileId) => this.replaceLogo(id, fileId, which),
      which === 'coverFileId' ? 'cover' : 'logo',
    );
    return this.get(actor, id);
  }

  async removeLogo(actor: Actor, id: string, which: 'logoFileId' | 'coverFileId' = 'logoFileId'): Promise<CompanyView> {
    return this.setLogo(actor, id, null, which);
  }

  /** The companies a person belongs to (for "my companies" and profiles). */
  async companiesOf(personId: string): Promise<(CompanySummary & { role: CompanyRole })[]> {
    const rows = await this.db.manager.find(CompanyMember, {
      where: { personId },
      relations: { company: true },
      order: { createdAt: 'ASC' },
    });
    return rows.flatMap((m) => (m.company ? [{ ...this.toSummary(m.company), role: m.role }] : []));
  }

  async members(actor: MaybeActor, id: string): Promise<MemberView[]> {
    await this.assertExists(id);
    const contacts = await this.access.canSeeCompanyContacts(actor, id);
    const rows = await this.db.manager.find(CompanyMember, {
      where: { companyId: id },
      relations: { person: true },
      order: { createdAt: 'ASC' },
    });
    // The company is public; its people are listed as the people rule says (anonymous visitors: its experts only).
    return rows.flatMap(({ person, role }) =>
      person && this.access.canSeePerson(actor, person)
        ? [
            {
              personId: person.id,
              firstName: person.firstName,
              lastName: person.lastName,
              jobTitle: person.jobTitle,
              role,
              titleForm: person.titleForm,
              ...(contacts ? { email: person.email } : {}),
            },
          ]
        : [],
    );
  }

  async invite(actor: Actor, id: string, dto: InviteColleagueDto): Promise<InvitationView> {
    await this.assertEditable(actor, id);
    await this.access.assert(this.access.canGrantCompanyRole(actor, id, dto.role));
    const already: unknown[] = await this.db.query(
      'SELECT 1 FROM company_members m JOIN people p ON p.id = m.person_id WHERE m.company_id = $1 AND p.email = $2',
      [id, dto.email],
    );
    if (already.length) throw AppException.conflict('ALREADY_MEMBER', 'This person already belongs to the company');
    await this.throttle.consume(throttleRules.invitationsBy(actor.personId), throttleRules.invitationsTo(dto.email));
    const { token, hash } = newToken();
    const invitation = await this.db.transaction(async (tx) => {
      const company = await tx.findOneByOrFail(Company, { id });
      const inviter = await tx.findOneByOrFail(Person, { id: actor.personId });
      const saved = await tx.save(
        CompanyInvitation,
        tx.create(CompanyInvitation, {
          companyId: id,
          email: dto.email,
          role: dto.role,
          tokenHash: hash,
          invitedById: actor.personId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
        }),
      );
      const invitee = await tx.findOneBy(Person, { email: dto.email });
      await this.mail.send(
        {
          to: dto.email,
          locale: invitee?.locale ?? inviter.locale,
          template: companyInvitationMail,
          data: {
            inviter: `${inviter.firstName} ${inviter.lastName}`,
            company: company.tradeName ?? company.legalName,
            link: new URL(`/invitations/entreprise?token=${token}`, this.config.PUBLIC_URL).toString(),
          },
        },
        tx,
      );
      return saved;
    });
    return this.toInvitationView(invitation);
  }

  async invitations(actor: Actor, id: string): Promise<InvitationView[]> {
    await this.assertEditable(actor, id);
    const rows = await this.db.manager.find(CompanyInvitation, {
      where: { companyId: id, acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
    return rows.map((r) => this.toInvitationView(r));
  }

  async revokeInvitation(actor: Actor, id: string, invitationId: string): Promise<void> {
    await this.assertEditable(actor, id);
    const result = await this.db.manager.delete(CompanyInvitation, { id: invitationId, companyId: id, acceptedAt: IsNull() });
    if (!result.affected) throw AppException.notFound('Invitation');
  }

  /** The invitation is bound to its e-mail address: only the person signed in with it may accept. */
  async acceptInvitation(actor: Actor, token: string): Promise<CompanySummary> {
    return this.db.transaction(async (tx) => {
      const invitation = await tx.findOne(CompanyInvitation, {
        where: { tokenHash: hashToken(token), acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      const person = await tx.findOneByOrFail(Person, { id: actor.personId });
      if (!invitation || invitation.email !== person.email) {
        throw AppException.badRequest('INVALID_TOKEN', 'This invitation is invalid, has expired or is meant for another address');
      }
      await tx.update(CompanyInvitation, invitation.id, { acceptedAt: new Date() });
      const member = await tx.findOneBy(CompanyMember, { companyId: invitation.companyId, personId: person.id });
      if (!member) await tx.insert(CompanyMember, { companyId: invitation.companyId, personId: person.id, role: invitation.role });
      const company = await tx.findOneByOrFail(Company, { id: invitation.companyId });
      return { ...this.toSummary(company), role: member?.role ?? invitation.role };
    });
  }

  async updateMember(actor: Actor, id: string, personId: string, role: CompanyRole): Promise<MemberView[]> {
    await this.assertEditable(actor, id);
    // Decided before the transaction: inside it, only its own connection may be used (PGlite).
    const mayGrantOwner = await this.access.canGrantCompanyRole(actor, id, 'owner');
    const mayGrantRole = await this.access.canGrantCompanyRole(actor, id, role);
    await this.db.transaction(async (tx) => {
      const member = await this.lockMember(tx, id, personId);
      const touchesOwner = member.role === 'owner' || role === 'owner';
      await this.access.assert(touchesOwner ? mayGrantOwner : mayGrantRole);
      if (member.role === 'owner' && role !== 'owner') await this.assertAnotherOwner(tx, id, personId);
      await tx.update(CompanyMember, { companyId: id, personId }, { role });
    });
    return this.members(actor, id);
  }

  /** Anyone may leave; editors remove others (owners only remove owners); the last owner stays. */
  async removeMember(actor: Actor, id: string, personId: string): Promise<void> {
    if (personId !== actor.personId) await this.assertEditable(actor, id);
    const mayRemoveOwner = personId === actor.personId || (await this.access.canGrantCompanyRole(actor, id, 'owner'));
    await this.db.transaction(async (tx) => {
      const member = await this.lockMember(tx, id, personId);
      if (member.role === 'owner') {
        await this.access.assert(mayRemoveOwner);
        await this.assertAnotherOwner(tx, id, personId);
      }
      await tx.delete(CompanyMember, { companyId: id, personId });
    });
  }

  // ---- helpers ----

  /** Sets the logo (or the cover) and queues the search update in one transaction; returns the previous file. */
  private replaceLogo(id: string, fileId: string | null, which: 'logoFileId' | 'coverFileId'): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      const previous = (await tx.findOneOrFail(Company, { where: { id }, lock: { mode: 'pessimistic_write' } }))[which];
      await tx.update(Company, id, { [which]: fileId });
      await this.search.enqueue(tx, 'company', [id]);
      return previous;
    });
  }

  private async lockMember(tx: EntityManager, companyId: string, personId: string): Promise<CompanyMember> {
    // Lock every member row of the company, so that two concurrent demotions cannot remove the last owner.
    const rows = await tx.find(CompanyMember, { where: { companyId }, lock: { mode: 'pessimistic_write' } });
    const member = rows.find((m) => m.personId === personId);
    if (!member) throw AppException.notFound('Member');
    return member;
  }

  private async assertAnotherOwner(tx: EntityManager, companyId: string, personId: string) {
    const owners = await tx.countBy(CompanyMember, { companyId, role: 'owner' });
    const isOwner = await tx.existsBy(CompanyMember, { companyId, personId, role: 'owner' });
    if (isOwner && owners <= 1) {
      throw AppException.conflict('LAST_OWNER', 'A company keeps at least one owner: name another owner first');
    }
  }

  private async assertExists(id: string) {
    if (!(await this.db.manager.existsBy(Company, { id }))) throw AppException.notFound('Company');
  }

  private async assertEditable(actor: Actor, id: string) {
    await this.assertExists(id);
    await this.access.assert(this.access.canEditCompany(actor, id));
  }

  private async placeInCommune(tx: EntityManager, company: Company, code: string | null) {
    const commune = code ? findCommune(code) : null;
    company.communeCode = commune?.code ?? null;
    company.departementCode = commune?.departement.code ?? null;
    company.regionCode = commune?.region.code ?? null;
    const centre = commune ? await this.geo.communeCentre(commune.code, tx) : null;
    company.lat = centre?.lat ?? null;
    company.lng = centre?.lng ?? null;
  }

  private toSummary(c: Company): CompanySummary {
    return {
      id: c.id,
      siret: c.siret,
      name: c.tradeName ?? c.legalName,
      nafCode: c.nafCode,
      communeName: c.communeCode ? (findCommune(c.communeCode)?.name ?? null) : null,
      logoUrl: fileUrl(c.logoFileId),
    };
  }

  private toView(c: Company, myRole: CompanyRole | null, canEdit: boolean): CompanyView {
    const band = c.headcountBand ? findHeadcountBand(c.headcountBand) : null;
    const form = c.legalFormCode ? findLegalForm(c.legalFormCode) : null;
    return {
      id: c.id,
      siren: c.siren,
      siret: c.siret,
      legalName: c.legalName,
      tradeName: c.tradeName,
      naf: c.nafCode ? findNaf(c.nafCode) : null,
      legalForm: form ? { code: form.code, label: form.label } : null,
      headcountBand: band ? { code: band.code, label: band.label } : null,
      address: {
        line1: c.addressLine1,
        line2: c.addressLine2,
        postalCode: c.postalCode,
        commune: c.communeCode ? findCommune(c.communeCode) : null,
      },
      location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
      website: c.website,
      description: c.description,
      logoUrl: fileUrl(c.logoFileId),
      coverUrl: fileUrl(c.coverFileId),
      myRole,
      canEdit,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  private toInvitationView(i: CompanyInvitation): InvitationView {
    return { id: i.id, email: i.email, role: i.role, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() };
  }

  /** The companies of these people (person, company pairs), for aggregates that count companies. */
  async companiesOfPeople(
    db: Pick<EntityManager, 'query'>,
    personIds: readonly string[],
  ): Promise<{ person_id: string; company_id: string }[]> {
    if (!personIds.length) return [];
    return db.query('SELECT person_id, company_id FROM company_members WHERE person_id = ANY($1::uuid[])', [personIds]);
  }

  /** Names of companies (trade name, else legal name), by id. */
  async namesOf(db: Pick<EntityManager, 'query'>, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await db.query(
      'SELECT id, coalesce(trade_name, legal_name) AS name FROM companies WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
