import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Mustache from 'mustache';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OutboxMail } from './entities/outbox-mail.entity';
import type { MailTemplate } from './mail.types';

const LAYOUT = `<!doctype html><html lang="{{locale}}"><head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:system-ui,sans-serif;background:#f5f6f8;margin:0;padding:24px;color:#1a1b1e">
<div style="max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:24px">
<p style="font-weight:700;color:#1c5d99;margin-top:0">Maillage</p>{{{body}}}</div></body></html>`;

export interface SendMail {
  to: string;
  locale: Locale;
  template: MailTemplate;
  data: Record<string, unknown>;
  /** Extra headers, e.g. RFC 8058 `List-Unsubscribe` and `List-Unsubscribe-Post` (kept in the outbox, sent by SMTP). */
  headers?: Record<string, string>;
}

/**
 * E-mail: every mail is written to the `mail_outbox` table (in the caller's transaction when one is
 * given). Without SMTP the outbox is the delivery (admins read it); with SMTP_URL a worker claims
 * pending rows (FOR UPDATE SKIP LOCKED, safe on several replicas) and sends them through nodemailer.
 */
@Injectable()
export class MailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  render({ locale, template, data }: Omit<SendMail, 'to'>) {
    const view = { ...data, appUrl: this.config.PUBLIC_URL, locale };
    const plain = { escape: (value: unknown) => String(value) };
    const subject = Mustache.render(template.subject[locale], view, {}, plain);
    const body = Mustache.render(template.html[locale], view);
    return {
      subject,
      text: Mustache.render(template.text[locale], view, {}, plain),
      html: Mustache.render(LAYOUT, { subject, body, locale }),
    };
  }

  async send(mail: SendMail, manager: EntityManager = this.db.manager): Promise<void> {
    const rendered = this.render(mail);
    const delivered = this.transport === null;
    await manager.insert(OutboxMail, {
      to: mail.to,
      template: mail.template.name,
      ...rendered,
      headers: mail.headers ?? null,
      status: delivered ? 'sent' : 'pending',
      sentAt: delivered ? new Date() : null,
    });
  }

  onApplicationBootstrap() {
    if (!this.transport) return;
    this.timer = setInterval(() => void this.deliverPending().catch((err) => this.logger.error(err)), this.config.MAIL_WORKER_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    this.transport?.close();
  }

  /**
   * Sends up to 20 pending mails; returns how many were handled. Rows are claimed in a short
   * transaction (status `sending`), sent outside it — a slow SMTP server never holds a database
   * transaction — then marked; a claim older than five minutes (a crashed replica) is taken again.
   */
  async deliverPending(): Promise<number> {
    if (!this.transport) return 0;
    const claimed: OutboxMail[] = await this.db.query(
      `UPDATE mail_outbox SET status = 'sending', sent_at = now(), attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM mail_outbox
         WHERE (status = 'pending' OR (status = 'sending' AND sent_at < now() - interval '5 minutes')) AND attempts < 5
         ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED)
       RETURNING id, "to", subject, text, html, headers, attempts`,
    ).then(([rows]: [OutboxMail[]]) => rows);
    for (const row of claimed) {
      try {
        await this.transport.sendMail({ from: this.config.MAIL_FROM, to: row.to, subject: row.subject, text: row.text, html: row.html, headers: row.headers ?? undefined });
        await this.db.manager.update(OutboxMail, row.id, { status: 'sent', sentAt: new Date() });
      } catch (err) {
        await this.db.manager.update(OutboxMail, row.id, {
          status: row.attempts >= 5 ? 'failed' : 'pending',
          sentAt: null,
          lastError: String((err as Error).message).slice(0, 500),
        });
      }
    }
    return claimed.length;
  }
}
