import { Inject, Injectable, BeforeApplicationShutdown, OnApplicationShutdown } from '@nestjs/common';
import Mustache from 'mustache';
import { createTransport, type Transporter } from 'nodemailer';
import type { AttachmentLike } from 'nodemailer/lib/mailer';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Locale } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobRunner } from '../jobs/job-runner';
import { MailBody } from './entities/mail-body.entity';
import { OutboxMail } from './entities/outbox-mail.entity';
import { ELISION_LAMBDAS } from './elision';
import { encodePart, fillPart, type EncodedPart } from './encoded-body';
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

/** A mail ready to be written to the outbox. */
export interface RenderedMail {
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string> | null;
  ref?: string | null;
}

/** A body shared by many mails (see storeBody): its placeholders are filled in per mail from `vars`. */
export interface SharedBody {
  html: string;
  text: string;
  headers?: Record<string, string> | null;
}

/** One mail of a shared body: its address and the values of the body's placeholders. */
export interface SharedBodyMail {
  to: string;
  vars: Record<string, string>;
}

/** A mail of a shared body as delivered: its parts already quoted-printable encoded, placeholders filled in. */
interface EncodedMail {
  id: string;
  to: string;
  subject: string;
  raw: { text: string; html: string };
  headers: Record<string, string> | null;
}

/** A mail as delivered or shown: a shared body's placeholders filled in. */
export interface ComposedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string> | null;
}

type StoredMail = Pick<OutboxMail, 'id' | 'to' | 'subject' | 'text' | 'html' | 'headers' | 'bodyId' | 'vars'>;

const fill = (template: string, vars: Record<string, string> | null) => {
  let result = template;
  for (const [placeholder, value] of Object.entries(vars ?? {})) result = result.split(placeholder).join(value);
  return result;
};

/** A part given as its whole MIME node: nodemailer takes an attachment's `raw` for text and HTML too, which its types omit. */
const rawNode = (raw: string) => ({ raw }) as AttachmentLike;

/** Bodies kept in memory by the delivering process (a newsletter's is read once, not once per batch). */
const BODY_CACHE = 8;

const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** Mails sent at once by one process (pooled SMTP connections); also the most a SIGKILL can leave in doubt. */
export const SMTP_CONNECTIONS = 4;

/**
 * E-mail: every mail is written to the `mail_outbox` table (in the caller's transaction when one is
 * given). Without SMTP the outbox is the delivery (admins read it); with SMTP_URL a worker claims
 * pending rows (FOR UPDATE SKIP LOCKED, safe on several replicas) and sends them through nodemailer.
 */
@Injectable()
export class MailService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly transport: Transporter | null;
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Kept-alive connections rather than a new one per mail (newsletters send thousands in a row).
    this.transport = config.SMTP_URL
      ? createTransport({ url: config.SMTP_URL, pool: true, maxConnections: SMTP_CONNECTIONS, maxMessages: Infinity } as never)
      : null;
    // Every replica delivers (rows are claimed with SKIP LOCKED); a full batch means more are waiting: on at once.
    jobs.every({
      name: 'mail.outbox',
      everyReplica: true,
      everyMs: this.transport ? config.MAIL_WORKER_INTERVAL_MS : 0,
      run: async () => (await this.deliverPending()) >= BATCH,
    });
  }

  render({ locale, template, data }: Omit<SendMail, 'to'>) {
    // `{{#de}}{{network}}{{/de}}`: « de Peugeot », « d’Atelier Martin » (French templates put names after « de » this way).
    const view = { ...data, appUrl: this.config.PUBLIC_URL, locale, ...ELISION_LAMBDAS };
    const plain = { escape: (value: unknown) => String(value) };
    // A subject is one header line: values written into it (names, titles, legacy data included) lose their line breaks.
    const oneLine = { escape: (value: unknown) => String(value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ') };
    const subject = Mustache.render(template.subject[locale], view, {}, oneLine);
    const body = Mustache.render(template.html[locale], view);
    return {
      subject,
      text: Mustache.render(template.text[locale], view, {}, plain),
      html: Mustache.render(LAYOUT, { subject, body, locale }),
    };
  }

  async send(mail: SendMail, manager: EntityManager = this.db.manager): Promise<void> {
    const rendered = this.render(mail);
    await this.queue([{ to: mail.to, template: mail.template.name, ...rendered, headers: mail.headers ?? null }], manager);
  }

  /**
   * Writes mails rendered by the caller (newsletters render their own HTML) in one statement, in the caller's
   * transaction when one is given; returns their ids in order.
   */
  async queue(mails: RenderedMail[], manager: EntityManager = this.db.manager): Promise<string[]> {
    if (!mails.length) return [];
    const delivered = this.transport === null;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMail)
      .values(
        mails.map((m) => ({
          to: m.to,
          template: m.template,
          subject: m.subject,
          text: m.text,
          html: m.html,
          headers: m.headers ?? null,
          ref: m.ref ?? null,
          status: delivered ? ('sent' as const) : ('pending' as const),
          sentAt: delivered ? new Date() : null,
        })),
      )
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  /**
   * Stores once the body of a mail sent to many people (a newsletter), in the caller's transaction; queueShared then
   * writes one small outbox row per recipient (address and placeholder values) instead of a whole mail each.
   */
  async storeBody(body: SharedBody, manager: EntityManager = this.db.manager): Promise<string> {
    const [row]: { id: string }[] = await manager.query('INSERT INTO mail_bodies (html, text, headers) VALUES ($1, $2, $3) RETURNING id', [
      body.html,
      body.text,
      body.headers ?? null,
    ]);
    return row.id;
  }

  /** Writes one outbox row per recipient of a stored body in one statement; returns their ids in order. */
  async queueShared(
    bodyId: string,
    common: { template: string; subject: string; ref?: string | null },
    mails: SharedBodyMail[],
    manager: EntityManager = this.db.manager,
  ): Promise<string[]> {
    if (!mails.length) return [];
    const delivered = this.transport === null;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO mail_outbox ("to", vars, body_id, template, subject, ref, status, sent_at)
       SELECT x.to, x.vars, $3, $4, $5, $6, $7, $8 FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS x("to", vars, n) ORDER BY x.n
       RETURNING id`,
      [
        mails.map((m) => m.to),
        mails.map((m) => JSON.stringify(m.vars)),
        bodyId,
        common.template,
        common.subject,
        common.ref ?? null,
        delivered ? 'sent' : 'pending',
        delivered ? new Date() : null,
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Mails as they are delivered (shared bodies filled in), in the order of `ids` (admins read them so). */
  async composed(ids: string[]): Promise<ComposedMail[]> {
    if (!ids.length) return [];
    const rows: StoredMail[] = await this.db.query(
      'SELECT id, "to", subject, text, html, headers, body_id AS "bodyId", vars FROM mail_outbox WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const bodies = await this.bodies(rows);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [this.compose(row, bodies)] : [];
    });
  }

  private readonly bodyCache = new Map<string, MailBody>();

  /** The shared bodies of these mails, from the cache or the database. */
  private async bodies(rows: Pick<StoredMail, 'bodyId'>[]): Promise<Map<string, MailBody>> {
    const wanted = [...new Set(rows.map((r) => r.bodyId).filter((id): id is string => id !== null))];
    const missing = wanted.filter((id) => !this.bodyCache.has(id));
    if (missing.length) {
      for (const body of await this.db.manager.findBy(MailBody, { id: In(missing) })) {
        if (this.bodyCache.size >= BODY_CACHE) this.bodyCache.delete(this.bodyCache.keys().next().value as string);
        this.bodyCache.set(body.id, body);
      }
    }
    return new Map(wanted.flatMap((id) => (this.bodyCache.has(id) ? [[id, this.bodyCache.get(id) as MailBody] as const] : [])));
  }

  private compose(row: StoredMail, bodies: Map<string, MailBody>): ComposedMail {
    const body = row.bodyId ? bodies.get(row.bodyId) : undefined;
    if (!body) return { id: row.id, to: row.to, subject: row.subject, text: row.text ?? '', html: row.html ?? '', headers: row.headers };
    return {
      id: row.id,
      to: row.to,
      subject: row.subject,
      text: fill(body.text, row.vars),
      html: fill(body.html, row.vars),
      headers: this.headers(row, body),
    };
  }

  private headers(row: StoredMail, body: MailBody): Record<string, string> | null {
    return body.headers || row.headers
      ? { ...Object.fromEntries(Object.entries(body.headers ?? {}).map(([k, v]) => [k, fill(v, row.vars)])), ...row.headers }
      : null;
  }

  /** Shared bodies' parts encoded once, by body and placeholders (forgotten with the bodies' cache). */
  private readonly encodedCache = new Map<string, { html: EncodedPart; text: EncodedPart }>();

  /** A mail to deliver: a shared body's mail gets its parts from the encoded body, other mails are composed. */
  private toDeliver(row: StoredMail, bodies: Map<string, MailBody>): ComposedMail | EncodedMail {
    const body = row.bodyId ? bodies.get(row.bodyId) : undefined;
    if (!body) return this.compose(row, bodies);
    const placeholders = Object.keys(row.vars ?? {}).sort();
    const key = `${body.id} ${placeholders.join(' ')}`;
    let encoded = this.encodedCache.get(key);
    if (!encoded) {
      if (this.encodedCache.size >= BODY_CACHE) this.encodedCache.delete(this.encodedCache.keys().next().value as string);
      encoded = { html: encodePart('text/html', body.html, placeholders), text: encodePart('text/plain', body.text, placeholders) };
      this.encodedCache.set(key, encoded);
    }
    return {
      id: row.id,
      to: row.to,
      subject: row.subject,
      raw: { text: fillPart(encoded.text, row.vars), html: fillPart(encoded.html, row.vars) },
      headers: this.headers(row, body),
    };
  }

  /**
   * Forgets an erased person: every mail to their address, and every mail that names them or their address
   * (notifications to others quoting them), whatever its state.
   */
  async purgePerson(email: string, fullName: string, manager: EntityManager = this.db.manager): Promise<void> {
    const like = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const params = [email, like(email), fullName.trim().length >= 3 ? like(fullName.trim()) : null];
    // A shared body naming them goes with every mail of it (as each whole mail would have).
    await manager.query(
      `DELETE FROM mail_bodies WHERE text ILIKE $1 OR html ILIKE $1 OR headers::text ILIKE $1 OR ($2::text IS NOT NULL AND (text ILIKE $2 OR html ILIKE $2 OR headers::text ILIKE $2))`,
      params.slice(1),
    );
    await manager.query(
      `DELETE FROM mail_outbox WHERE "to" = $1 OR text ILIKE $2 OR html ILIKE $2 OR subject ILIKE $2 OR vars::text ILIKE $2
         OR ($3::text IS NOT NULL AND (text ILIKE $3 OR html ILIKE $3 OR subject ILIKE $3 OR vars::text ILIKE $3))`,
      params,
    );
    this.bodyCache.clear();
    this.encodedCache.clear();
  }

  /** Mails written more than `days` days ago (sent or given up) are deleted: the retention setting. */
  async purgeOlderThan(days: number): Promise<number> {
    const rows: unknown[] = await this.db.query(
      "DELETE FROM mail_outbox WHERE created_at < now() - make_interval(days => $1) AND status IN ('sent', 'failed') RETURNING 1",
      [days],
    );
    // Shared bodies whose mails are all gone.
    await this.db.query(
      'DELETE FROM mail_bodies b WHERE b.created_at < now() - make_interval(days => $1) AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.body_id = b.id)',
      [days],
    );
    return rows.length;
  }

  /** How many mails of a reference are in each state (a newsletter's figures). */
  async countsByRef(ref: string): Promise<Record<OutboxMail['status'], number>> {
    const rows: { status: OutboxMail['status']; n: number }[] = await this.db.query(
      'SELECT status, count(*)::int AS n FROM mail_outbox WHERE ref = $1 GROUP BY status',
      [ref],
    );
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** The mails being sent finish and are marked, the rest of the batch is handed back (the runner waits for it before the database closes). */
  beforeApplicationShutdown() {
    this.stopping = true;
  }

  onApplicationShutdown() {
    this.transport?.close();
  }

  /**
   * Sends up to BATCH due mails; returns how many were claimed. Rows are claimed in a short statement
   * (status `sending`, FOR UPDATE SKIP LOCKED: safe on several replicas) and sent outside any transaction (a slow
   * SMTP server never holds one), each marked sent as soon as the server accepted it. A claim older than
   * MAIL_LEASE_MS (a process that died) is taken again; a failure is retried later with a doubling delay. The
   * Message-ID is the row's id, so a receiver sees a mail resent after a crash (the only case where the server
   * may get it twice: killed between its acceptance and our update) as the same message.
   */
  async deliverPending(): Promise<number> {
    if (!this.transport) return 0;
    const claimed = await this.db
      .query(
        `UPDATE mail_outbox SET status = 'sending', sent_at = now(), attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM mail_outbox
         WHERE ((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
                OR (status = 'sending' AND sent_at < now() - make_interval(secs => $1::float8 / 1000)))
           AND attempts < $2
         ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, "to", subject, text, html, headers, body_id AS "bodyId", vars, attempts`,
        [this.config.MAIL_LEASE_MS, MAX_ATTEMPTS, BATCH],
      )
      .then(([rows]: [(StoredMail & Pick<OutboxMail, 'attempts'>)[]]) => rows);
    const bodies = await this.bodies(claimed);
    const domain = /@([^>\s]+)>?\s*$/.exec(this.config.MAIL_FROM)?.[1] ?? 'maillage.local';
    const gap = this.config.MAIL_RATE_PER_SECOND > 0 ? 1000 / this.config.MAIL_RATE_PER_SECOND : 0;
    // A few mails at a time over as many pooled connections: SMTP is chatty, one at a time waits on every round trip.
    for (let index = 0; index < claimed.length; index += SMTP_CONNECTIONS) {
      if (this.stopping) {
        await this.db.query(
          `UPDATE mail_outbox SET status = 'pending', sent_at = NULL, attempts = attempts - 1 WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
          [claimed.slice(index).map((r) => r.id)],
        );
        break;
      }
      const started = Date.now();
      const group = claimed.slice(index, index + SMTP_CONNECTIONS);
      await Promise.all(group.map((row) => this.deliver(this.toDeliver(row, bodies), row.attempts, domain)));
      const wait = gap * group.length - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    return claimed.length;
  }

  private async deliver(row: ComposedMail | EncodedMail, attempts: number, domain: string): Promise<void> {
    if (!this.transport) return;
    try {
      await this.transport.sendMail({
        from: this.config.MAIL_FROM,
        to: row.to,
        subject: row.subject,
        // A shared body's parts come encoded (their MIME nodes as they are sent).
        text: 'raw' in row ? rawNode(row.raw.text) : row.text,
        html: 'raw' in row ? rawNode(row.raw.html) : row.html,
        headers: row.headers ?? undefined,
        messageId: `<${row.id}@${domain}>`,
        // Said rather than guessed: nodemailer guesses by matching every letter of each part into an array (tens of
        // thousands of strings for a newsletter), whose collection stalled the event loop while newsletters went out.
        textEncoding: 'quoted-printable',
      });
      await this.db.manager.update(OutboxMail, row.id, { status: 'sent', sentAt: new Date() });
    } catch (err) {
      const last = attempts >= MAX_ATTEMPTS;
      await this.db.manager.update(OutboxMail, row.id, {
        status: last ? 'failed' : 'pending',
        sentAt: null,
        nextAttemptAt: last ? null : new Date(Date.now() + this.config.MAIL_RETRY_BASE_MS * 2 ** (attempts - 1)),
        lastError: String((err as Error).message).slice(0, 500),
      });
    }
  }
}
