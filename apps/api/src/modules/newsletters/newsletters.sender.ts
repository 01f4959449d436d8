import { Inject, Injectable, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobRunner } from '../../core/jobs/job-runner';
import { MailService } from '../../core/mail/mail.service';
import { Newsletter } from './entities/newsletter.entity';
import { mailRef, NewslettersService } from './newsletters.service';

/** Recipients written to the outbox per transaction. */
export const SEND_BATCH = 100;

interface RecipientRow {
  person_id: string;
  email: string;
  network_ids: string[];
  unsubscribed: boolean;
}

/**
 * The newsletter worker, safe on several replicas. A due newsletter is claimed with FOR UPDATE SKIP LOCKED and a
 * lease (renewed while it works; another replica takes over once it lapses). The first claim renders the mail once,
 * stores it as the outbox's shared body and writes its recipients (one row per person, primary key: at most once); then,
 * batch by batch, each recipient's outbox row (address and token) is written in the same transaction that marks them `queued` — so a crash at any point neither loses
 * nor repeats anyone — unless they unsubscribed meanwhile (`skipped`). The mail outbox then delivers.
 */
@Injectable()
export class NewslettersSender implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    private readonly newsletters: NewslettersService,
    private readonly mail: MailService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Every replica works (newsletters and their recipients are claimed with SKIP LOCKED and a lease).
    jobs.every({
      name: 'newsletters.send',
      everyReplica: true,
      everyMs: config.NEWSLETTER_WORKER_INTERVAL_MS,
      run: (now) => this.runDue(now).then(() => false),
    });
  }

  /** The batch under way finishes; the runner waits for it. */
  beforeApplicationShutdown() {
    this.stopping = true;
  }

  /** Runs soon (a newsletter was just sent now) rather than at the next tick. */
  kick() {
    this.jobs.kick('newsletters.send');
  }

  /** Sends every due newsletter; returns how many were worked on. */
  async runDue(now = new Date()): Promise<number> {
    let count = 0;
    for (;;) {
      if (this.stopping) return count;
      const [claimed]: [{ id: string }[]] = await this.db.query(
        `UPDATE newsletters SET status = 'sending', lease_until = now() + make_interval(secs => $2)
         WHERE id = (SELECT id FROM newsletters
                     WHERE (status = 'scheduled' AND scheduled_at <= $1) OR (status = 'sending' AND lease_until < now())
                     ORDER BY scheduled_at LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        [now, this.config.NEWSLETTER_LEASE_MS / 1000],
      );
      if (!claimed.length) return count;
      await this.sendOne(claimed[0].id);
      count++;
    }
  }

  private async sendOne(id: string): Promise<void> {
    let newsletter = await this.db.manager.findOneByOrFail(Newsletter, { id });
    if (!newsletter.mailBodyId) {
      const rendered = await this.newsletters.render(newsletter);
      const networkIds = await this.newsletters.networkIdsOf(id);
      const audience = this.newsletters.audienceSql(networkIds, newsletter.audience);
      await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO newsletter_recipients (newsletter_id, person_id, email, locale, network_ids, status)
           SELECT $${audience.params.length + 1}, person_id, email, locale, network_ids, 'pending' FROM (${audience.sql}) a ON CONFLICT DO NOTHING`,
          [...audience.params, id],
        );
        // The mail is stored once; each recipient's outbox row holds only their address and token.
        const mailBodyId = await this.mail.storeBody(this.newsletters.mailBody(rendered), tx);
        await tx.update(Newsletter, id, { mailBodyId, archiveHtml: rendered.archiveHtml, links: rendered.links });
      });
      newsletter = await this.db.manager.findOneByOrFail(Newsletter, { id });
    }
    const bodyId = newsletter.mailBodyId as string;
    while (!this.stopping) {
      const done = await this.db.transaction(async (tx) => {
        const rows: RecipientRow[] = await tx.query(
          `SELECT r.person_id, r.email, r.network_ids,
                  NOT EXISTS (SELECT 1 FROM unnest(r.network_ids) AS nid
                              WHERE NOT EXISTS (SELECT 1 FROM newsletter_unsubscribes u WHERE u.person_id = r.person_id AND u.network_id = nid)) AS unsubscribed
           FROM newsletter_recipients r WHERE r.newsletter_id = $1 AND r.status = 'pending'
           ORDER BY r.person_id LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
          [id, SEND_BATCH],
        );
        if (!rows.length) return true;
        const sending = rows.filter((r) => !r.unsubscribed);
        const mails = sending.map((r) => ({ to: r.email, vars: this.newsletters.recipientVars(id, r.person_id) }));
        const mailIds = await this.mail.queueShared(
          bodyId,
          { template: 'newsletter', subject: newsletter.subject, ref: mailRef(id) },
          mails,
          tx,
        );
        if (sending.length) {
          await tx.query(
            `UPDATE newsletter_recipients r SET status = 'queued', mail_id = x.mail_id
             FROM unnest($2::uuid[], $3::uuid[]) AS x(person_id, mail_id) WHERE r.newsletter_id = $1 AND r.person_id = x.person_id`,
            [id, sending.map((r) => r.person_id), mailIds],
          );
        }
        const skipped = rows.filter((r) => r.unsubscribed).map((r) => r.person_id);
        if (skipped.length)
          await tx.query(`UPDATE newsletter_recipients SET status = 'skipped' WHERE newsletter_id = $1 AND person_id = ANY($2::uuid[])`, [
            id,
            skipped,
          ]);
        await tx.query('UPDATE newsletters SET lease_until = now() + make_interval(secs => $2) WHERE id = $1', [
          id,
          this.config.NEWSLETTER_LEASE_MS / 1000,
        ]);
        return false;
      });
      if (done) break;
      // Let other requests through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.stopping) return;
    // Another replica may still hold a batch: the newsletter is sent once no recipient is pending.
    await this.db.query(
      `UPDATE newsletters SET status = 'sent', sent_at = now(), lease_until = NULL
       WHERE id = $1 AND status = 'sending' AND NOT EXISTS (SELECT 1 FROM newsletter_recipients WHERE newsletter_id = $1 AND status = 'pending')`,
      [id],
    );
  }
}
