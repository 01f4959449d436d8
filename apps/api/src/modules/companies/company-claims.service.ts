import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompanyClaim as CompanyClaimView } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { CompanyClaimDto } from './dto/company.dto';
import { CompanyClaim } from './entities/company-claim.entity';

const COMPANY = 'Company';
const CLAIM = 'Claim';

/**
 * Requests to join a company that already has people: the requester asks, the company's owners and admins
 * (who may invite) accept, which makes the requester a member, or refuse. Both sides are notified (in-app and
 * e-mail, per their preferences) once the change is committed.
 */
@Injectable()
export class CompanyClaimsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly search: SearchIndexer,
  ) {}

  async request(actor: Actor, companyId: string, dto: CompanyClaimDto): Promise<CompanyClaimView> {
    const id = await this.db.transaction(async (tx) => {
      const [company]: { people: number; mine: boolean }[] = await tx.query(
        `SELECT count(m.person_id)::int AS people, bool_or(m.person_id = $2) AS mine
         FROM companies c LEFT JOIN company_members m ON m.company_id = c.id WHERE c.id = $1 GROUP BY c.id`,
        [companyId, actor.personId],
      );
      if (!company) throw AppException.notFound(COMPANY);
      if (company.mine) throw AppException.conflict('ALREADY_COMPANY_MEMBER', 'You already belong to this company');
      if (company.people === 0)
        throw AppException.conflict('COMPANY_NOT_MANAGED', 'Nobody manages this company yet: add it by its SIRET to manage it');
      const [pending] = await tx.query("SELECT 1 FROM company_claims WHERE company_id = $1 AND person_id = $2 AND status = 'pending'", [
        companyId,
        actor.personId,
      ]);
      if (pending) throw AppException.conflict('CLAIM_ALREADY_PENDING', 'You already asked to join this company');
      return (await tx.save(CompanyClaim, tx.create(CompanyClaim, { companyId, personId: actor.personId, message: dto.message ?? null })))
        .id;
    });
    const claim = await this.view(id);
    const deciders = await this.access.companyRepresentativeIds(companyId);
    await this.notifications.notify(null, {
      type: 'company.claim_request',
      recipients: deciders,
      // Only the people who may answer hear of the request (the requester's name and message).
      visibleTo: async (ids) => new Set(ids.filter((id) => deciders.includes(id))),
      actorId: actor.personId,
      subject: { kind: 'company_claim', id },
      data: {
        person: `${claim.person.firstName} ${claim.person.lastName}`,
        company: await this.companyName(companyId),
        excerpt: claim.message,
      },
      path: `/entreprises/${companyId}?modifier`,
    });
    return claim;
  }

  /** The pending requests, for the people who may decide on them. */
  async pending(actor: Actor, companyId: string): Promise<CompanyClaimView[]> {
    await this.assertDecider(actor, companyId);
    const rows: { id: string }[] = await this.db.query(
      "SELECT id FROM company_claims WHERE company_id = $1 AND status = 'pending' ORDER BY created_at, id",
      [companyId],
    );
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  async decide(actor: Actor, companyId: string, claimId: string, decision: 'accepted' | 'refused'): Promise<CompanyClaimView> {
    await this.assertDecider(actor, companyId);
    const personId = await this.db.transaction(async (tx) => {
      const claim = await tx.findOne(CompanyClaim, { where: { id: claimId, companyId }, lock: { mode: 'pessimistic_write' } });
      if (!claim) throw AppException.notFound(CLAIM);
      if (claim.status !== 'pending') throw AppException.conflict('CLAIM_ALREADY_DECIDED', 'This request was already answered');
      await tx.update(CompanyClaim, claimId, { status: decision, decidedById: actor.personId, decidedAt: new Date() });
      if (decision === 'accepted') {
        await tx.query('INSERT INTO company_members (company_id, person_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          companyId,
          claim.personId,
          'member',
        ]);
        await this.search.enqueue(tx, 'company', [companyId]);
      }
      return claim.personId;
    });
    await this.notifications.notify(null, {
      type: 'company.claim_decision',
      recipients: [personId],
      // The requester hears the answer to their own request.
      visibleTo: async (ids) => new Set(ids.filter((id) => id === personId)),
      actorId: actor.personId,
      subject: { kind: 'company_claim', id: claimId },
      data: { company: await this.companyName(companyId), companyId, decision },
      path: decision === 'accepted' ? `/entreprises/${companyId}` : '/entreprises',
    });
    return this.view(claimId);
  }

  private async assertDecider(actor: Actor, companyId: string): Promise<void> {
    const [company] = await this.db.query('SELECT 1 FROM companies WHERE id = $1', [companyId]);
    if (!company) throw AppException.notFound(COMPANY);
    await this.access.assert(await this.access.canActForCompany(actor, companyId));
  }

  private async companyName(companyId: string): Promise<string> {
    const [row]: { name: string }[] = await this.db.query('SELECT coalesce(trade_name, legal_name) AS name FROM companies WHERE id = $1', [
      companyId,
    ]);
    return row?.name ?? '';
  }

  private async view(id: string): Promise<CompanyClaimView> {
    const [r]: {
      id: string;
      company_id: string;
      person_id: string;
      first_name: string;
      last_name: string;
      job_title: string | null;
      email: string;
      message: string | null;
      status: CompanyClaimView['status'];
      created_at: Date;
    }[] = await this.db.query(
      `SELECT k.id, k.company_id, k.person_id, p.first_name, p.last_name, p.job_title, p.email, k.message, k.status, k.created_at
         FROM company_claims k JOIN people p ON p.id = k.person_id WHERE k.id = $1`,
      [id],
    );
    return {
      id: r.id,
      companyId: r.company_id,
      person: { id: r.person_id, firstName: r.first_name, lastName: r.last_name, jobTitle: r.job_title, email: r.email },
      message: r.message,
      status: r.status,
      createdAt: r.created_at.toISOString(),
    };
  }
}
