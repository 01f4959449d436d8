import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy } from '../../core/access/access-policy.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OpportunityMatchingService } from './opportunity-matching.service';
import { companyPeopleSql } from '../../core/access/company-members.sql';

/** Companies told of a new opportunity: those scoring at least this much (a shared NAF group and a little more, or a skill and a division). */
export const NOTIFY_THRESHOLD = 30;
const NOTIFY_COMPANIES = 200;

/**
 * Notifications of opportunities. Every recipient is re-checked against the access policy by NotificationsService
 * (opportunityReadersAmong) before anything is stored, mailed or emitted: a company outside the audience never
 * hears of it.
 */
@Injectable()
export class OpportunityNotifier {
  private readonly logger = new Logger('Opportunities');

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly matching: OpportunityMatchingService,
  ) {}

  /** A newly opened opportunity: the people of the companies that match it above the threshold, within its audience. */
  async published(opportunityId: string): Promise<void> {
    try {
      const [o] = await this.db.query(
        `SELECT o.*, COALESCE(c.trade_name, c.legal_name) AS company_name FROM opportunities o JOIN companies c ON c.id = o.company_id WHERE o.id = $1 AND o.status = 'open'`,
        [opportunityId],
      );
      if (!o) return;
      const matches = (await this.matching.rankCompanies(o, NOTIFY_COMPANIES)).filter((m) => m.score >= NOTIFY_THRESHOLD);
      for (const match of matches) {
        const people: { person_id: string }[] = await this.db.query(companyPeopleSql('$1'), [match.company.id]);
        await this.notifications.notify(null, {
          type: 'opportunity.match',
          recipients: people.map((p) => p.person_id),
          actorId: o.created_by_id,
          subject: { kind: 'opportunity', id: opportunityId, networkId: null },
          data: {
            company: match.company.name,
            title: o.title,
            publisher: o.company_name,
            reasons: match.reasons
              .slice(0, 3)
              .map((r) => r.label)
              .join(', '),
          },
          path: `/opportunites/${opportunityId}`,
          visibleTo: (ids, db) => this.access.opportunityReadersAmong(opportunityId, ids, db),
        });
      }
    } catch (error) {
      // The opportunity is published whatever happens to its notifications.
      this.logger.error(`Notifying opportunity ${opportunityId} failed: ${(error as Error).message}`);
    }
  }

  /** A response: the publisher's owners and admins. */
  async responded(opportunityId: string, responseId: string): Promise<void> {
    const [row] = await this.db.query(
      `SELECT o.title, o.company_id, r.person_id, COALESCE(c.trade_name, c.legal_name) AS company FROM opportunity_responses r
       JOIN opportunities o ON o.id = r.opportunity_id JOIN companies c ON c.id = r.company_id WHERE r.id = $1`,
      [responseId],
    );
    if (!row) return;
    const people: { person_id: string }[] = await this.db.query(companyPeopleSql('$1', ['owner', 'admin']), [row.company_id]);
    await this.notifications.notify(null, {
      type: 'opportunity.response',
      recipients: people.map((p) => p.person_id),
      actorId: row.person_id,
      subject: { kind: 'opportunity', id: opportunityId, networkId: null },
      data: { company: row.company, title: row.title },
      path: `/opportunites/${opportunityId}`,
      visibleTo: (ids, db) => this.access.opportunityReadersAmong(opportunityId, ids, db),
    });
  }

  /** The lead designated a supporter for its mini-grappe: him, while he may support it (he may not see the opportunity). */
  async supporterDesignated(
    group: { id: string; opportunityId: string; leadCompanyId: string },
    personId: string,
    actorId: string,
  ): Promise<void> {
    const [row]: { title: string; company: string }[] = await this.db.query(
      `SELECT o.title, COALESCE(c.trade_name, c.legal_name) AS company FROM opportunities o JOIN companies c ON c.id = $2 WHERE o.id = $1`,
      [group.opportunityId, group.leadCompanyId],
    );
    if (!row) return;
    await this.notifications.notify(null, {
      type: 'opportunity.group_support',
      recipients: [personId],
      actorId,
      subject: { kind: 'opportunity_group', id: group.id, networkId: null },
      data: { company: row.company, title: row.title },
      path: `/opportunites/${group.opportunityId}/mini-grappe`,
      visibleTo: (ids, db) => this.access.opportunityGroupSupportersAmong(group.id, ids, db),
    });
  }

  /** Companies invited into a mini-grappe (by its lead or its supporter): the people who may accept for each. */
  async groupInvited(
    group: { id: string; opportunityId: string; leadCompanyId: string },
    companyIds: string[],
    actorId: string,
  ): Promise<void> {
    if (!companyIds.length) return;
    const [o]: { title: string; lead: string }[] = await this.db.query(
      `SELECT o.title, COALESCE(c.trade_name, c.legal_name) AS lead FROM opportunities o JOIN companies c ON c.id = $2 WHERE o.id = $1`,
      [group.opportunityId, group.leadCompanyId],
    );
    if (!o) return;
    for (const companyId of companyIds) {
      const [company]: { name: string }[] = await this.db.query(
        'SELECT COALESCE(trade_name, legal_name) AS name FROM companies WHERE id = $1',
        [companyId],
      );
      const people: { person_id: string }[] = await this.db.query(companyPeopleSql('$1', ['owner', 'admin']), [companyId]);
      if (!company || !people.length) continue;
      await this.notifications.notify(null, {
        type: 'opportunity.group_invitation',
        recipients: people.map((p) => p.person_id),
        actorId,
        subject: { kind: 'opportunity_group', id: group.id, networkId: null },
        data: { company: company.name, lead: o.lead, title: o.title },
        path: `/opportunites/${group.opportunityId}/mini-grappe`,
        visibleTo: (ids, db) => this.access.opportunityGroupCompanyPeopleAmong(group.id, ids, db),
      });
    }
  }

  /** The deadline is near: the people of the companies that responded (in the caller's transaction). */
  async deadlineNear(tx: EntityManager, opportunityId: string): Promise<void> {
    const [o] = await tx.query("SELECT title, to_char(deadline, 'DD/MM/YYYY') AS deadline FROM opportunities WHERE id = $1", [
      opportunityId,
    ]);
    const people: { person_id: string }[] = await tx.query(
      `SELECT DISTINCT cm.person_id FROM opportunity_responses r JOIN company_members cm ON cm.company_id = r.company_id
       WHERE r.opportunity_id = $1 AND r.status <> 'declined'`,
      [opportunityId],
    );
    await this.notifications.notify(tx, {
      type: 'opportunity.deadline',
      recipients: people.map((p) => p.person_id),
      subject: { kind: 'opportunity', id: opportunityId, networkId: null },
      data: { title: o.title, deadline: o.deadline },
      path: `/opportunites/${opportunityId}`,
      visibleTo: (ids, db) => this.access.opportunityReadersAmong(opportunityId, ids, db),
    });
  }
}
