import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Mustache from 'mustache';
import { DataSource, type EntityManager } from 'typeorm';
import {
  API_PREFIX,
  NOTIFICATION_TYPES,
  type Locale,
  type NotificationChannel,
  type NotificationPage,
  type NotificationPreference,
  type NotificationType,
  type NotificationView,
  type PlatformRole,
  type ServerToClientPayload,
  type UnsubscribePreview,
  type UnsubscribeResult,
} from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { MailService } from '../../core/mail/mail.service';
import { RealtimeService, userRoom } from '../../core/realtime/realtime.service';
import { digestMail, mailTemplateFor, NOTIFICATION_TYPE_LABELS } from './notifications.mail-templates';
import { AfterCommit } from '../../core/database/after-commit';
import { defaultChannel } from './notifications.registry';
import type { NotifyInput, NotifyResult, Queryable, VisibilityCheck } from './notifications.types';
import { UnsubscribeTokens, type UnsubscribeScope } from './unsubscribe-token';

interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  first_name: string;
}

interface NotificationRow {
  id: string;
  type: NotificationType;
  actor_id: string | null;
  actor_name: string | null;
  subject_kind: string;
  subject_id: string;
  network_id: string | null;
  data: Record<string, unknown>;
  path: string;
  count: number;
  read_at: Date | null;
  created_at: Date;
}

type DigestRow = Pick<NotificationRow, 'type' | 'subject_kind' | 'subject_id' | 'network_id' | 'data' | 'path' | 'count' | 'read_at' | 'created_at'>;

const SELECT_VIEW = `SELECT n.id, n.type, n.actor_id, trim(a.first_name || ' ' || a.last_name) AS actor_name, n.subject_kind, n.subject_id,
  n.network_id, n.data, n.path, n.count, n.read_at, n.created_at
  FROM notifications n LEFT JOIN people a ON a.id = n.actor_id`;

/** The hour (Europe/Paris) from which the daily digest goes out. */
const DIGEST_HOUR = 7;
const DIGEST_TICK_MS = 15 * 60 * 1000;
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const PARIS_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' });
const PLAIN = { escape: (value: unknown) => String(value) };
const EMPTY: NotifyResult = { notified: [], emailed: [], publish: () => undefined };

/**
 * THE notification service: every module tells people about domain events through notify(). Each
 * recipient is re-checked (the caller's visibility check, or the access policy for the types that
 * have a default), their preference for the type decides the channel (in-app, e-mail at once, daily
 * digest, off), the entry is stored, the immediate e-mail is written to the outbox with a signed
 * one-click unsubscribe link, and `notification:new` reaches their sockets after the commit.
 *
 * Transactions: notify(tx, …) writes in the caller's transaction (the notification exists exactly
 * when the content does; reads go through `tx` only, PGlite-safe) and publishes the live events once
 * that transaction commits (nothing if it rolls back). notify(null, …) is for callers that already committed: it opens its
 * own transaction, publishes, and never throws (the triggering change must not fail): errors are logged.
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly tokens: UnsubscribeTokens;
  private readonly afterCommit: AfterCommit;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // bootstrap always resolves a secret (configured, or kept under DATA_DIR).
    if (!config.SESSION_SECRET) throw new Error('SESSION_SECRET is not set');
    this.tokens = new UnsubscribeTokens(config.SESSION_SECRET);
    this.afterCommit = new AfterCommit(db);
  }

  // ---------- producing ----------

  async notify(manager: EntityManager | null, input: NotifyInput): Promise<NotifyResult> {
    if (manager) {
      const result = await this.write(manager, input, await this.audience(manager, input));
      this.afterCommit.run(manager, result.publish);
      return result;
    }
    try {
      // Checks first, outside the transaction (a caller's check may read through its own connection).
      const audience = await this.audience(this.db.manager, input);
      if (!audience.length) return EMPTY;
      const result = await this.db.transaction((tx) => this.write(tx, input, audience));
      result.publish();
      return result;
    } catch (error) {
      this.logger.error(`Notification ${input.type} on ${input.subject.kind} ${input.subject.id} failed: ${(error as Error).message}`);
      return EMPTY;
    }
  }

  /** The recipients who may see the subject and have not turned the type off, with their channel. */
  private async audience(db: Queryable, input: NotifyInput): Promise<{ person: Recipient; channel: NotificationChannel }[]> {
    if (!NOTIFICATION_TYPES.includes(input.type)) throw new Error(`Unknown notification type "${input.type}"`);
    const candidates = [...new Set(input.recipients)].filter((id) => id !== input.actorId);
    if (!candidates.length) return [];
    const check = input.visibleTo ?? this.defaultCheck(input);
    if (!check) {
      this.logger.warn(`Notification ${input.type} without a visibility check: nobody notified`);
      return [];
    }
    const visible = await check(candidates, db);
    const ids = candidates.filter((id) => visible.has(id));
    if (!ids.length) return [];
    const people: Recipient[] = await db.query('SELECT id, email, locale, first_name FROM people WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]);
    const channels = await this.channelsOf(db, ids, input.type);
    return people
      .map((person) => ({ person, channel: channels.get(person.id) ?? defaultChannel(input.type) }))
      .filter(({ channel }) => channel !== 'off');
  }

  private async write(tx: EntityManager, input: NotifyInput, audience: { person: Recipient; channel: NotificationChannel }[]): Promise<NotifyResult> {
    const written: { person: Recipient; row: NotificationRow }[] = [];
    const emailed: string[] = [];
    for (const { person, channel } of audience) {
      const email = channel === 'email_immediate' ? 'immediate' : channel === 'email_digest' ? 'digest' : 'none';
      const [row]: { id: string; count: number }[] = await tx.query(
        `INSERT INTO notifications (recipient_id, type, actor_id, subject_kind, subject_id, network_id, data, path, dedupe_key, email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (recipient_id, dedupe_key) WHERE read_at IS NULL AND dedupe_key IS NOT NULL DO UPDATE SET
           actor_id = EXCLUDED.actor_id, data = EXCLUDED.data, path = EXCLUDED.path, count = notifications.count + 1, created_at = now(),
           emailed_at = CASE WHEN notifications.email = 'digest' THEN NULL ELSE notifications.emailed_at END
         RETURNING id, count`,
        [
          person.id,
          input.type,
          input.actorId ?? null,
          input.subject.kind,
          input.subject.id,
          input.subject.networkId ?? null,
          JSON.stringify(input.data),
          input.path,
          input.dedupeKey ?? null,
          email,
        ],
      );
      // A folded repeat (dedupeKey) is not mailed again.
      if (email === 'immediate' && row.count === 1) {
        await this.mail.send(
          {
            to: person.email,
            locale: person.locale === 'en' ? 'en' : 'fr',
            template: mailTemplateFor(input.type, input.data),
            data: { ...input.data, firstName: person.first_name, link: this.link(input.path), ...this.footer(person, input.type) },
            headers: this.unsubscribeHeaders(person.id, input.type),
          },
          tx,
        );
        await tx.query('UPDATE notifications SET emailed_at = now() WHERE id = $1', [row.id]);
        emailed.push(person.id);
      }
      const [view]: NotificationRow[] = await tx.query(`${SELECT_VIEW} WHERE n.id = $1`, [row.id]);
      written.push({ person, row: view });
    }
    if (!written.length) return EMPTY;
    const counts = await this.unreadCounts(
      tx,
      written.map((w) => w.person.id),
    );
    let published = false;
    return {
      notified: written.map((w) => w.person.id),
      emailed,
      publish: () => {
        if (published) return;
        published = true;
        for (const { person, row } of written) {
          this.emit(person.id, 'notification:new', { notification: toView(row), unreadCount: counts.get(person.id) ?? 0 });
        }
      },
    };
  }

  /** The access policy's check for the types that have one (the subject's network); null for the others. */
  private defaultCheck(input: Pick<NotifyInput, 'type' | 'subject'>): VisibilityCheck | null {
    const networkId = input.subject.networkId;
    if (!networkId) return null;
    switch (input.type) {
      case 'forum.mention':
      case 'forum.reply':
        return (ids, db) => this.access.forumReadersAmong([networkId], ids, db);
      case 'network.membership_request':
        return this.standingCheck(networkId, (s) => this.access.canManageNetwork(s));
      case 'network.membership_decision':
        return this.standingCheck(networkId, (s) => this.access.canSeeNetwork(s));
      case 'agenda.promoted':
      case 'agenda.reminder':
      case 'agenda.event_cancelled':
        return (ids, db) => this.access.eventReadersAmong(input.subject.id, ids, db);
      default:
        return null;
    }
  }

  /** Those among the people whose standing in the network passes `allow`. */
  private standingCheck(networkId: string, allow: (s: NetworkStanding) => boolean): VisibilityCheck {
    return async (ids, db) => {
      const people: { id: string; platform_role: PlatformRole }[] = await db.query('SELECT id, platform_role FROM people WHERE id = ANY($1::uuid[])', [ids]);
      const allowed = new Set<string>();
      for (const person of people) {
        const standing = (await this.access.networkStandings({ personId: person.id, platformRole: person.platform_role }, [networkId], db)).get(networkId);
        if (standing && allow(standing)) allowed.add(person.id);
      }
      return allowed;
    };
  }

  // ---------- the notification centre ----------

  async list(actor: Actor, query: { unread?: boolean; page: number; pageSize: number }): Promise<NotificationPage> {
    const where = `n.recipient_id = $1${query.unread ? ' AND n.read_at IS NULL' : ''}`;
    const rows: NotificationRow[] = await this.db.query(`${SELECT_VIEW} WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT $2 OFFSET $3`, [
      actor.personId,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]);
    // The person may have lost sight of a subject since (left or removed from the network): its entries go.
    const gone = await this.outOfSight(actor.personId, rows);
    if (gone.length) {
      await this.db.query('DELETE FROM notifications WHERE recipient_id = $1 AND id = ANY($2::uuid[])', [actor.personId, gone]);
      return this.list(actor, query);
    }
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM notifications n WHERE ${where}`, [actor.personId]);
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize, unreadCount: await this.unreadCount(actor.personId) };
  }

  /** The ids of the rows whose subject the person may no longer see (checked once per type and network, or per event). */
  private async outOfSight(personId: string, rows: Pick<NotificationRow, 'id' | 'type' | 'subject_kind' | 'subject_id' | 'network_id'>[]): Promise<string[]> {
    const verdicts = new Map<string, Promise<boolean>>();
    const gone: string[] = [];
    for (const row of rows) {
      // (An event's readers also depend on the networks it is shared with: checked per event.)
      const key = `${row.type} ${row.network_id} ${row.subject_kind === 'agenda_event' ? row.subject_id : ''}`;
      if (!verdicts.has(key)) {
        const check = this.defaultCheck({ type: row.type, subject: { kind: row.subject_kind, id: row.subject_id, networkId: row.network_id } });
        verdicts.set(key, check ? check([personId], this.db).then((allowed) => allowed.has(personId)) : Promise.resolve(true));
      }
      if (!(await verdicts.get(key))) gone.push(row.id);
    }
    return gone;
  }

  async unreadCount(personId: string): Promise<number> {
    return (await this.unreadCounts(this.db, [personId])).get(personId) ?? 0;
  }

  /** Marks the caller's notifications among `ids` (others' ids are ignored) or all of them as read. */
  async markRead(actor: Actor, ids: readonly string[] | 'all'): Promise<{ unreadCount: number }> {
    if (ids === 'all') await this.db.query('UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL', [actor.personId]);
    else if (ids.length) {
      await this.db.query('UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[])', [actor.personId, ids]);
    }
    const unreadCount = await this.unreadCount(actor.personId);
    this.emit(actor.personId, 'notification:count', { unreadCount });
    return { unreadCount };
  }

  private async unreadCounts(db: Queryable, personIds: string[]): Promise<Map<string, number>> {
    const rows: { id: string; n: number }[] = await db.query(
      'SELECT recipient_id AS id, count(*)::int AS n FROM notifications WHERE recipient_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY recipient_id',
      [personIds],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  // ---------- preferences ----------

  async preferences(personId: string): Promise<NotificationPreference[]> {
    const channels = await this.channelsOf(this.db, [personId]);
    return NOTIFICATION_TYPES.map((type) => ({ type, channel: channels.get(`${personId} ${type}`) ?? defaultChannel(type), defaultChannel: defaultChannel(type) }));
  }

  async setPreferences(personId: string, preferences: readonly { type: NotificationType; channel: NotificationChannel }[]): Promise<NotificationPreference[]> {
    await this.db.transaction(async (tx) => {
      for (const { type, channel } of preferences) await this.setChannel(tx, personId, type, channel);
    });
    return this.preferences(personId);
  }

  private setChannel(db: Queryable, personId: string, type: NotificationType, channel: NotificationChannel): Promise<unknown> {
    return db.query(
      `INSERT INTO notification_preferences (person_id, type, channel) VALUES ($1, $2, $3)
       ON CONFLICT (person_id, type) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
      [personId, type, channel],
    );
  }

  /**
   * The channel of each person for `type` (keyed by person id), or, without `type`, of each person
   * and every type (keyed `<personId> <type>`): their choice, else the type's default.
   */
  private async channelsOf(db: Queryable, personIds: string[], type?: NotificationType): Promise<Map<string, NotificationChannel>> {
    const rows: { person_id: string; type: NotificationType; channel: NotificationChannel }[] = await db.query(
      'SELECT person_id, type, channel FROM notification_preferences WHERE person_id = ANY($1::uuid[])',
      [personIds],
    );
    const chosen = new Map(rows.map((r) => [`${r.person_id} ${r.type}`, r.channel]));
    const result = new Map<string, NotificationChannel>();
    for (const personId of personIds) {
      for (const t of type ? [type] : NOTIFICATION_TYPES) {
        const channel = chosen.get(`${personId} ${t}`) ?? defaultChannel(t);
        result.set(type ? personId : `${personId} ${t}`, channel);
      }
    }
    return result;
  }

  // ---------- one-click unsubscribe ----------

  /**
   * The signed link of an e-mail, without login: a type's link turns that type off; the digest's link
   * turns the types delivered by digest to in-app only. A forged or altered token changes nothing (400).
   */
  async unsubscribe(token: string): Promise<UnsubscribeResult> {
    const { claim, locale } = await this.unsubscribeClaim(token);
    if (claim.scope === 'digest') {
      const channels = await this.channelsOf(this.db, [claim.personId]);
      const digested = NOTIFICATION_TYPES.filter((t) => channels.get(`${claim.personId} ${t}`) === 'email_digest');
      await this.db.transaction(async (tx) => {
        for (const type of digested) await this.setChannel(tx, claim.personId, type, 'in_app');
      });
      const message = locale === 'fr' ? 'Vous ne recevrez plus le résumé quotidien par e-mail.' : 'You will no longer receive the daily digest e-mail.';
      return { scope: 'digest', channel: 'in_app', message };
    }
    await this.setChannel(this.db, claim.personId, claim.scope, 'off');
    const label = NOTIFICATION_TYPE_LABELS[claim.scope][locale];
    const message = locale === 'fr' ? `Vous ne recevrez plus de notifications : ${label}.` : `You will no longer receive notifications: ${label}.`;
    return { scope: claim.scope, channel: 'off', message };
  }

  /** What a link would turn off, without changing anything (GET: link scanners and previews must not unsubscribe anyone). */
  async unsubscribePreview(token: string): Promise<UnsubscribePreview> {
    return { scope: (await this.unsubscribeClaim(token)).claim.scope };
  }

  private async unsubscribeClaim(token: string): Promise<{ claim: { personId: string; scope: UnsubscribeScope }; locale: Locale }> {
    const claim = this.tokens.verify(token);
    const invalid = () => AppException.badRequest('INVALID_TOKEN', 'This unsubscribe link is invalid');
    if (!claim) throw invalid();
    const [person]: { locale: Locale }[] = await this.db.query('SELECT locale FROM people WHERE id = $1', [claim.personId]);
    if (!person) throw invalid();
    return { claim, locale: person.locale === 'en' ? 'en' : 'fr' };
  }

  /** The API link (List-Unsubscribe header: mail clients POST to it). */
  private unsubscribeUrl(personId: string, scope: UnsubscribeScope): string {
    return this.link(`${API_PREFIX}/notifications/unsubscribe?token=${this.tokens.sign({ personId, scope })}`);
  }

  /** The link in the mail's text: a web page that says what it turns off and asks to confirm. */
  private unsubscribePageUrl(personId: string, scope: UnsubscribeScope): string {
    return this.link(`/desabonnement?token=${this.tokens.sign({ personId, scope })}`);
  }

  /** RFC 8058: mail clients show an unsubscribe button that POSTs `List-Unsubscribe=One-Click` to the link. */
  private unsubscribeHeaders(personId: string, scope: UnsubscribeScope): Record<string, string> {
    return { 'List-Unsubscribe': `<${this.unsubscribeUrl(personId, scope)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }

  private footer(person: Recipient, type: NotificationType) {
    return {
      unsubscribeUrl: this.unsubscribePageUrl(person.id, type),
      preferencesUrl: this.link('/notifications/preferences'),
      typeLabel: NOTIFICATION_TYPE_LABELS[type][person.locale === 'en' ? 'en' : 'fr'],
    };
  }

  private link(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).toString();
  }

  // ---------- daily digest ----------

  onApplicationBootstrap() {
    // Tests drive the digest by calling runDigest themselves.
    if (this.config.NODE_ENV === 'test') return;
    this.timer = setInterval(() => {
      const now = new Date();
      if (Number(PARIS_HOUR.format(now)) < DIGEST_HOUR) return;
      void this.runDigest(now).catch((error) => this.logger.error(`Digest failed: ${(error as Error).message}`));
    }, DIGEST_TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Sends each person with unread notifications waiting for the digest (created up to `now`) one
   * e-mail grouping them, at most once per Europe/Paris day: the person's `notification_digests` row
   * for the day is the claim (a replica running at the same time waits on it, then skips the person).
   * Entries read in the meantime, or whose type is no longer on the digest, are dropped from it.
   * Returns how many digests were written.
   */
  async runDigest(now: Date): Promise<number> {
    const day = PARIS_DAY.format(now);
    const due: { id: string }[] = await this.db.query(
      "SELECT DISTINCT recipient_id AS id FROM notifications WHERE email = 'digest' AND emailed_at IS NULL AND created_at <= $1",
      [now],
    );
    let sent = 0;
    for (const { id } of due) {
      try {
        if (await this.db.transaction((tx) => this.digestFor(tx, id, day, now))) sent += 1;
      } catch (error) {
        this.logger.error(`Digest for ${id} failed: ${(error as Error).message}`);
      }
    }
    return sent;
  }

  private async digestFor(tx: EntityManager, personId: string, day: string, now: Date): Promise<boolean> {
    const claimed = await tx.query('INSERT INTO notification_digests (person_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING person_id', [personId, day]);
    if (!claimed.length) return false;
    // UPDATE … RETURNING answers [rows, affected] through TypeORM.
    const [rows]: [DigestRow[]] = await tx.query(
      `UPDATE notifications SET emailed_at = $2 WHERE recipient_id = $1 AND email = 'digest' AND emailed_at IS NULL AND created_at <= $2
       RETURNING type, subject_kind, subject_id, network_id, data, path, count, read_at, created_at`,
      [personId, now],
    );
    const channels = await this.channelsOf(tx, [personId]);
    const items: DigestRow[] = [];
    for (const row of rows) {
      if (row.read_at !== null || channels.get(`${personId} ${row.type}`) !== 'email_digest') continue;
      // The person may have lost sight of the subject since (left the network): checked again where the policy knows how.
      const check = this.defaultCheck({ type: row.type, subject: { kind: row.subject_kind, id: row.subject_id, networkId: row.network_id } });
      if (check && !(await check([personId], tx)).has(personId)) continue;
      items.push(row);
    }
    items.sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime());
    const [person]: Recipient[] = await tx.query('SELECT id, email, locale, first_name FROM people WHERE id = $1', [personId]);
    if (!items.length || !person) return false;
    const locale: Locale = person.locale === 'en' ? 'en' : 'fr';
    await this.mail.send(
      {
        to: person.email,
        locale,
        template: digestMail,
        data: {
          firstName: person.first_name,
          count: items.length,
          plural: items.length > 1,
          link: this.link('/notifications'),
          items: items.map((item) => ({
            title: Mustache.render(mailTemplateFor(item.type, item.data).subject[locale], item.data, {}, PLAIN),
            link: this.link(item.path),
            count: item.count,
            more: item.count > 1,
          })),
          unsubscribeUrl: this.unsubscribePageUrl(personId, 'digest'),
          preferencesUrl: this.link('/notifications/preferences'),
        },
        headers: this.unsubscribeHeaders(personId, 'digest'),
      },
      tx,
    );
    return true;
  }

  // ---------- live ----------

  private emit<E extends 'notification:new' | 'notification:count'>(personId: string, event: E, payload: ServerToClientPayload<E>): void {
    try {
      this.realtime.emitToRoom(userRoom(personId), event, payload);
    } catch (error) {
      this.logger.warn(`Real-time ${event} failed: ${(error as Error).message}`);
    }
  }
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    type: row.type,
    subject: { kind: row.subject_kind, id: row.subject_id, networkId: row.network_id },
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    data: row.data,
    path: row.path,
    count: row.count,
    read: row.read_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
