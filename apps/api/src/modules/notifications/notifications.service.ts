import { Inject, Injectable, Logger } from '@nestjs/common';
import Mustache from 'mustache';
import { DataSource, type EntityManager } from 'typeorm';
import {
  API_PREFIX,
  DEFAULT_NETWORK_NOTIFICATION_LEVEL,
  NETWORK_HIGHLIGHT_TYPES,
  NETWORK_NEWS_TYPES,
  NOTIFICATION_TYPES,
  type NetworkNotificationLevel,
  type NetworkNotificationSetting,
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
import { AccessPolicy, type NetworkAction } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { JobRunner } from '../../core/jobs/job-runner';
import { MailService } from '../../core/mail/mail.service';
import { RealtimeService, userRoom } from '../../core/realtime/realtime.service';
import { digestMail, mailTemplateFor, NOTIFICATION_TYPE_LABELS } from './notifications.mail-templates';
import { AfterCommit } from '../../core/database/after-commit';
import { defaultChannel } from './notifications.registry';
import type { NotifyInput, NotifyResult, Queryable, VisibilityCheck } from './notifications.types';
import { ELISION_LAMBDAS } from '../../core/mail/elision';
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

type DigestRow = Pick<
  NotificationRow,
  'type' | 'subject_kind' | 'subject_id' | 'network_id' | 'data' | 'path' | 'count' | 'read_at' | 'created_at'
>;

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
export class NotificationsService {
  private readonly logger = new Logger('Notifications');
  private readonly tokens: UnsubscribeTokens;
  private readonly afterCommit: AfterCommit;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    private readonly realtime: RealtimeService,
    jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // bootstrap always resolves a secret (configured, or kept under DATA_DIR).
    if (!config.SESSION_SECRET) throw new Error('SESSION_SECRET is not set');
    this.tokens = new UnsubscribeTokens(config.SESSION_SECRET);
    this.afterCommit = new AfterCommit(db);
    // Tests drive the digest by calling runDigest themselves.
    jobs.every({
      name: 'notifications.digest',
      everyMs: config.NODE_ENV === 'test' ? 0 : DIGEST_TICK_MS,
      run: async (now) => {
        if (Number(PARIS_HOUR.format(now)) >= DIGEST_HOUR) await this.runDigest(now);
      },
    });
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
    let ids = candidates.filter((id) => visible.has(id));
    // A network's news reaches only those whose level for that network lets this type through.
    const networkId = input.subject.networkId;
    if (networkId && isNetworkNews(input.type)) {
      const levels = await this.levelsOf(db, ids, networkId);
      ids = ids.filter((id) => levelAllows(levels.get(id) ?? DEFAULT_NETWORK_NOTIFICATION_LEVEL, input.type));
    }
    if (!ids.length) return [];
    const people: Recipient[] = await db.query('SELECT id, email, locale, first_name FROM people WHERE id = ANY($1::uuid[]) ORDER BY id', [
      ids,
    ]);
    const channels = await this.channelsOf(db, ids, input.type);
    return people
      .map((person) => ({ person, channel: channels.get(person.id) ?? defaultChannel(input.type) }))
      .filter(({ channel }) => channel !== 'off');
  }

  private async write(
    tx: EntityManager,
    input: NotifyInput,
    audience: { person: Recipient; channel: NotificationChannel }[],
  ): Promise<NotifyResult> {
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
    // A mini-grappe's supporter hears of it while he supports it (he may not see the opportunity itself).
    if (input.type === 'opportunity.group_support')
      return (ids, db) => this.access.opportunityGroupSupportersAmong(input.subject.id, ids, db);
    // An invited company's people hear of the group while their company is in it (invited or accepted).
    if (input.type === 'opportunity.group_invitation')
      return (ids, db) => this.access.opportunityGroupCompanyPeopleAmong(input.subject.id, ids, db);
    if (input.type.startsWith('opportunity.')) return (ids, db) => this.access.opportunityReadersAmong(input.subject.id, ids, db);
    const networkId = input.subject.networkId;
    if (!networkId) return null;
    switch (input.type) {
      case 'forum.mention':
      case 'forum.reply':
        return (ids, db) => this.access.forumReadersAmong([networkId], ids, db);
      case 'network.membership_request':
        return this.standingCheck(networkId, 'network.manage');
      case 'network.federation_request':
        return this.standingCheck(networkId, 'network.manage');
      case 'network.membership_decision':
      case 'network.invitation':
        return this.standingCheck(networkId, 'network.see');
      case 'moderation.report':
        return this.standingCheck(networkId, 'network.moderate');
      case 'agenda.promoted':
      case 'agenda.reminder':
      case 'agenda.event_cancelled':
      case 'network.new_event':
        return (ids, db) => this.access.eventReadersAmong(input.subject.id, ids, db);
      case 'network.announcement':
      case 'network.new_topic':
      case 'network.new_document':
        return (ids, db) => this.access.forumReadersAmong([networkId], ids, db);
      default:
        return null;
    }
  }

  /** Those among the people who may do `action` in the network. */
  private standingCheck(networkId: string, action: NetworkAction): VisibilityCheck {
    return async (ids, db) => {
      const people: { id: string; platform_role: PlatformRole }[] = await db.query(
        'SELECT id, platform_role FROM people WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const allowed = new Set<string>();
      for (const person of people) {
        if (await this.access.can({ personId: person.id, platformRole: person.platform_role }, action, { network: networkId }, db))
          allowed.add(person.id);
      }
      return allowed;
    };
  }

  // ---------- the notification centre ----------

  async list(actor: Actor, query: { unread?: boolean; page: number; pageSize: number }): Promise<NotificationPage> {
    const where = `n.recipient_id = $1${query.unread ? ' AND n.read_at IS NULL' : ''}`;
    const rows: NotificationRow[] = await this.db.query(
      `${SELECT_VIEW} WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT $2 OFFSET $3`,
      [actor.personId, query.pageSize, (query.page - 1) * query.pageSize],
    );
    // The person may have lost sight of a subject since (left or removed from the network): its entries go.
    const gone = await this.outOfSight(actor.personId, rows);
    if (gone.length) {
      await this.db.query('DELETE FROM notifications WHERE recipient_id = $1 AND id = ANY($2::uuid[])', [actor.personId, gone]);
      return this.list(actor, query);
    }
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM notifications n WHERE ${where}`, [
      actor.personId,
    ]);
    return {
      items: rows.map(toView),
      total,
      page: query.page,
      pageSize: query.pageSize,
      unreadCount: await this.unreadCount(actor.personId),
    };
  }

  /** The ids of the rows whose subject the person may no longer see (checked once per type and network, or per event). */
  private async outOfSight(
    personId: string,
    rows: Pick<NotificationRow, 'id' | 'type' | 'subject_kind' | 'subject_id' | 'network_id'>[],
  ): Promise<string[]> {
    const verdicts = new Map<string, Promise<boolean>>();
    const gone: string[] = [];
    for (const row of rows) {
      // (An event's readers also depend on the networks it is shared with: checked per event.)
      const key = `${row.type} ${row.network_id} ${['agenda_event', 'opportunity', 'opportunity_group'].includes(row.subject_kind) ? row.subject_id : ''}`;
      if (!verdicts.has(key)) {
        const check = this.defaultCheck({
          type: row.type,
          subject: { kind: row.subject_kind, id: row.subject_id, networkId: row.network_id },
        });
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
    if (ids === 'all')
      await this.db.query('UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL', [actor.personId]);
    else if (ids.length) {
      await this.db.query('UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[])', [
        actor.personId,
        ids,
      ]);
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
    return NOTIFICATION_TYPES.map((type) => ({
      type,
      channel: channels.get(`${personId} ${type}`) ?? defaultChannel(type),
      defaultChannel: defaultChannel(type),
    }));
  }

  async setPreferences(
    personId: string,
    preferences: readonly { type: NotificationType; channel: NotificationChannel }[],
  ): Promise<NotificationPreference[]> {
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

  // ---------- per-network levels ----------

  /** The person's level for each network they chose one for (the others are at DEFAULT_NETWORK_NOTIFICATION_LEVEL). */
  networkLevels(personId: string): Promise<NetworkNotificationSetting[]> {
    return this.networkLevelsIn(this.db, personId);
  }

  /** Sets the person's level for a network they may see (404 otherwise: a secret network does not reveal itself). */
  async setNetworkLevel(actor: Actor, networkId: string, level: NetworkNotificationLevel): Promise<NetworkNotificationSetting> {
    await this.access.require(actor, 'network.see', { network: networkId }, { hide: 'Network' });
    await this.db.query(
      `INSERT INTO network_notification_levels (person_id, network_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (person_id, network_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
      [actor.personId, networkId, level],
    );
    return { networkId, level };
  }

  private async levelsOf(db: Queryable, personIds: string[], networkId: string): Promise<Map<string, NetworkNotificationLevel>> {
    if (!personIds.length) return new Map();
    const rows: { person_id: string; level: NetworkNotificationLevel }[] = await db.query(
      'SELECT person_id, level FROM network_notification_levels WHERE network_id = $1 AND person_id = ANY($2::uuid[])',
      [networkId, personIds],
    );
    return new Map(rows.map((r) => [r.person_id, r.level]));
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
      const message =
        locale === 'fr' ? 'Vous ne recevrez plus le résumé quotidien par e-mail.' : 'You will no longer receive the daily digest e-mail.';
      return { scope: 'digest', channel: 'in_app', message };
    }
    await this.setChannel(this.db, claim.personId, claim.scope, 'off');
    const label = NOTIFICATION_TYPE_LABELS[claim.scope][locale];
    const message =
      locale === 'fr' ? `Vous ne recevrez plus de notifications : ${label}.` : `You will no longer receive notifications: ${label}.`;
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
    const claimed = await tx.query(
      'INSERT INTO notification_digests (person_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING person_id',
      [personId, day],
    );
    if (!claimed.length) return false;
    // UPDATE … RETURNING answers [rows, affected] through TypeORM.
    const [rows]: [DigestRow[]] = await tx.query(
      `UPDATE notifications SET emailed_at = $2 WHERE recipient_id = $1 AND email = 'digest' AND emailed_at IS NULL AND created_at <= $2
       RETURNING type, subject_kind, subject_id, network_id, data, path, count, read_at, created_at`,
      [personId, now],
    );
    const channels = await this.channelsOf(tx, [personId]);
    const levels = new Map((await this.networkLevelsIn(tx, personId)).map((l) => [l.networkId, l.level]));
    const items: DigestRow[] = [];
    for (const row of rows) {
      if (row.read_at !== null || channels.get(`${personId} ${row.type}`) !== 'email_digest') continue;
      // The level may have been lowered since the entry was written.
      if (
        row.network_id &&
        isNetworkNews(row.type) &&
        !levelAllows(levels.get(row.network_id) ?? DEFAULT_NETWORK_NOTIFICATION_LEVEL, row.type)
      )
        continue;
      // The person may have lost sight of the subject since (left the network): checked again where the policy knows how.
      const check = this.defaultCheck({
        type: row.type,
        subject: { kind: row.subject_kind, id: row.subject_id, networkId: row.network_id },
      });
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
          groups: await this.digestGroups(tx, items, locale),
          unsubscribeUrl: this.unsubscribePageUrl(personId, 'digest'),
          preferencesUrl: this.link('/notifications/preferences'),
        },
        headers: this.unsubscribeHeaders(personId, 'digest'),
      },
      tx,
    );
    return true;
  }

  /** The digest's lines grouped by network (in the order of each network's latest line), then those of no network. */
  private async digestGroups(db: Queryable, items: DigestRow[], locale: Locale) {
    const networkIds = [...new Set(items.flatMap((i) => (i.network_id ? [i.network_id] : [])))];
    const names: { id: string; name: string }[] = networkIds.length
      ? await db.query('SELECT id, name FROM networks WHERE id = ANY($1::uuid[])', [networkIds])
      : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const groups = new Map<string, { name: string; items: { title: string; link: string; count: number; more: boolean }[] }>();
    const personal = locale === 'fr' ? 'Pour vous' : 'For you';
    for (const item of items) {
      const key = item.network_id && nameOf.has(item.network_id) ? item.network_id : '';
      if (!groups.has(key)) groups.set(key, { name: key ? (nameOf.get(key) ?? '') : personal, items: [] });
      groups.get(key)?.items.push({
        title: Mustache.render(mailTemplateFor(item.type, item.data).subject[locale], { ...item.data, ...ELISION_LAMBDAS }, {}, PLAIN),
        link: this.link(item.path),
        count: item.count,
        more: item.count > 1,
      });
    }
    const personalGroup = groups.get('');
    groups.delete('');
    return [...groups.values(), ...(personalGroup ? [personalGroup] : [])];
  }

  private async networkLevelsIn(db: Queryable, personId: string): Promise<NetworkNotificationSetting[]> {
    const rows: { network_id: string; level: NetworkNotificationLevel }[] = await db.query(
      'SELECT network_id, level FROM network_notification_levels WHERE person_id = $1 ORDER BY network_id',
      [personId],
    );
    return rows.map((r) => ({ networkId: r.network_id, level: r.level }));
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

function isNetworkNews(type: NotificationType): boolean {
  return (NETWORK_NEWS_TYPES as readonly NotificationType[]).includes(type);
}

/** Whether a member at `level` for a network hears of this news of it. */
function levelAllows(level: NetworkNotificationLevel, type: NotificationType): boolean {
  return level === 'all' || (level === 'highlights' && NETWORK_HIGHLIGHT_TYPES.includes(type));
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
