import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale, OpportunityDigestSettings, OpportunityDigestUnsubscribe } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../core/errors/app-exception';
import { JobRunner } from '../../core/jobs/job-runner';
import { MailService } from '../../core/mail/mail.service';
import { SignedIdTokens } from '../../core/mail/signed-id-tokens';
import { OpportunityMatchingService } from './opportunity-matching.service';
import { opportunityDigestMail } from './opportunities.mail-templates';

const TICK_MS = 60 * 60 * 1000;
const BATCH = 20;
const WEEK_MS = 7 * 24 * 3600 * 1000;
/** At most this many opportunities per company in one e-mail. */
export const DIGEST_PER_COMPANY = 5;

const frenchDay = (day: string) => day.split('-').reverse().join('/');

/**
 * The weekly e-mail "opportunities for my company" (opt-in per person): every hour, claims and marks (`FOR UPDATE
 * SKIP LOCKED`) the subscriptions not served for a week, asks the matching engine for each of the person's companies as that person
 * (so only what the person may see), keeps those published since the last e-mail and writes the mail to the outbox.
 * Nothing new: no e-mail.
 */
@Injectable()
export class OpportunityDigestService {
  /** Per recipient: the person's id, signed for this e-mail only (a newsletter's or notification's token stops nothing here). */
  private readonly tokens: SignedIdTokens;

  constructor(
    private readonly db: DataSource,
    private readonly matching: OpportunityMatchingService,
    private readonly mail: MailService,
    jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (!config.SESSION_SECRET) throw new Error('SESSION_SECRET is not set');
    this.tokens = new SignedIdTokens(config.SESSION_SECRET, 'maillage:opportunities:digest:v1', 1);
    // Tests drive the job by calling runWeekly themselves.
    jobs.every({
      name: 'opportunities.weekly',
      everyMs: config.NODE_ENV === 'test' ? 0 : TICK_MS,
      run: (now) => this.runWeekly(now).then(() => undefined),
    });
  }

  async settings(actor: Actor): Promise<OpportunityDigestSettings> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM opportunity_digest_subscriptions WHERE person_id = $1', [actor.personId]);
    return { weekly: rows.length > 0 };
  }

  async setWeekly(actor: Actor, weekly: boolean): Promise<OpportunityDigestSettings> {
    if (weekly)
      await this.db.query('INSERT INTO opportunity_digest_subscriptions (person_id) VALUES ($1) ON CONFLICT DO NOTHING', [actor.personId]);
    else await this.db.query('DELETE FROM opportunity_digest_subscriptions WHERE person_id = $1', [actor.personId]);
    return { weekly };
  }

  /** What an unsubscribe link would stop, changing nothing (GET: link scanners and previews must not unsubscribe anyone). */
  async unsubscribePreview(token: string): Promise<OpportunityDigestUnsubscribe> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM opportunity_digest_subscriptions WHERE person_id = $1', [
      this.personOf(token),
    ]);
    return { weekly: rows.length > 0 };
  }

  /** Stops this weekly e-mail for the link's recipient (only this one: notifications and newsletters are untouched); repeating it is harmless. */
  async unsubscribe(token: string): Promise<OpportunityDigestUnsubscribe> {
    await this.db.query('DELETE FROM opportunity_digest_subscriptions WHERE person_id = $1', [this.personOf(token)]);
    return { weekly: false };
  }

  private personOf(token: string): string {
    const ids = this.tokens.verify(token);
    if (!ids) throw AppException.badRequest('INVALID_TOKEN', 'This unsubscribe link is invalid');
    return ids[0];
  }

  /** Sends the e-mails due at `now`; returns how many went. */
  async runWeekly(now: Date): Promise<number> {
    let sent = 0;
    for (;;) {
      // Claimed and marked in one statement (safe on every replica): at most one e-mail a week, even if one is lost.
      const due: {
        person_id: string;
        last_sent_at: Date | null;
        email: string;
        first_name: string;
        locale: Locale;
        platform_role: Actor['platformRole'];
      }[] = await this.db.query(
        `WITH due AS (
           SELECT person_id, last_sent_at FROM opportunity_digest_subscriptions WHERE last_sent_at IS NULL OR last_sent_at <= $1
           ORDER BY person_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED),
         marked AS (UPDATE opportunity_digest_subscriptions s SET last_sent_at = $2 FROM due WHERE s.person_id = due.person_id RETURNING s.person_id)
         SELECT due.person_id, due.last_sent_at, p.email, p.first_name, p.locale, p.platform_role
         FROM due JOIN marked ON marked.person_id = due.person_id JOIN people p ON p.id = due.person_id`,
        [new Date(now.getTime() - WEEK_MS), now],
      );
      for (const person of due) {
        const since = person.last_sent_at ?? new Date(now.getTime() - WEEK_MS);
        const groups = await this.groupsFor({ personId: person.person_id, platformRole: person.platform_role }, since);
        if (!groups.length) continue;
        const total = groups.reduce((n, g) => n + g.items.length, 0);
        const token = this.tokens.sign([person.person_id]);
        await this.mail.send({
          to: person.email,
          locale: person.locale,
          template: opportunityDigestMail,
          data: {
            firstName: person.first_name,
            companies: groups.map((g) => g.company).join(', '),
            count: total,
            plural: total > 1,
            groups,
            settings: new URL(`/entreprises/${groups[0].companyId}`, this.config.PUBLIC_URL).toString(),
            unsubscribeUrl: new URL(`/opportunites/desabonnement?token=${token}`, this.config.PUBLIC_URL).toString(),
          },
          // RFC 8058: mail clients show an unsubscribe button that POSTs `List-Unsubscribe=One-Click` to this address.
          headers: {
            'List-Unsubscribe': `<${new URL(`/api/v1/opportunities/digest/unsubscribe?token=${token}`, this.config.PUBLIC_URL).toString()}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
        sent++;
      }
      if (due.length < BATCH) return sent;
    }
  }

  /** Per company of the person: the engine's suggestions as that person sees them, published since `since`. */
  private async groupsFor(actor: Actor, since: Date) {
    const companies: { id: string; name: string }[] = await this.db.query(
      `SELECT c.id, COALESCE(c.trade_name, c.legal_name) AS name FROM company_members cm JOIN companies c ON c.id = cm.company_id
       WHERE cm.person_id = $1 ORDER BY cm.created_at`,
      [actor.personId],
    );
    const groups = [];
    for (const company of companies) {
      const fresh = await this.matching.suggestionsFor(actor, company.id, DIGEST_PER_COMPANY, since);
      if (!fresh.length) continue;
      groups.push({
        companyId: company.id,
        company: company.name,
        items: fresh.map((s) => ({
          title: s.opportunity.title,
          publisher: s.opportunity.company.name,
          deadline: frenchDay(s.opportunity.deadline),
          reasons: s.reasons
            .slice(0, 3)
            .map((r) => r.label)
            .join(' · '),
          link: new URL(`/opportunites/${s.opportunity.id}`, this.config.PUBLIC_URL).toString(),
        })),
      });
    }
    return groups;
  }
}
