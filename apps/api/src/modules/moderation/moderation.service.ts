import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ModerationLogEntry,
  ModerationQueueItem,
  ModerationQueueReport,
  ModerationReport as ReportView,
  Page,
  PlatformRole,
  ReportReason,
} from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { MailService } from '../../core/mail/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { CreateReportDto, DecisionDto, ModerationPageQueryDto, WarnDto } from './dto/moderation.dto';
import { ModerationAction } from './entities/moderation-action.entity';
import { ModerationReport } from './entities/moderation-report.entity';
import { PostingEvent } from './entities/posting-event.entity';
import { memberWarningMail } from './moderation.mail-templates';
import {
  type AuditEntry,
  DEFAULT_POSTING_LIMITS,
  type PostingKey,
  type PostingLimits,
  type ReportableResolver,
  type ReportableTarget,
  type ReportTargetKind,
} from './moderation.types';
import { networkMemberPeopleFrom } from '../../core/access/network-standing.sql';

const NETWORK = 'Network';
const REPORT = 'Report';
const CONTENT = 'Reported content';
const TEN_MINUTES_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

type Decision = 'hide' | 'restore' | 'dismiss';

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e.driverError?.code ?? e.code) === '23505';
}

function fieldError(code: string, field: string, message: string): AppException {
  return AppException.badRequest(code, message, [{ field, messages: [message] }]);
}

/**
 * Moderation: reports and their queue, hide/restore through the owning feature's resolver,
 * warnings, the audit log and the posting rate limits. Features register a ReportableResolver
 * for their reportable kinds and call audit() / assertMayPost() inside their own transactions.
 */
@Injectable()
export class ModerationService {
  private readonly resolvers = new Map<ReportTargetKind, ReportableResolver>();
  private limits: PostingLimits = DEFAULT_POSTING_LIMITS;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  registerResolver(resolver: ReportableResolver): void {
    this.resolvers.set(resolver.kind, resolver);
  }

  /** Replaces the posting limits (tests; a future admin setting). */
  setPostingLimits(limits: PostingLimits): void {
    this.limits = limits;
  }

  get postingLimits(): PostingLimits {
    return this.limits;
  }

  // ---------- used by other features, inside their transactions ----------

  /** Writes one audit-log row inside the caller's transaction; returns its id. */
  async audit(manager: EntityManager, entry: AuditEntry): Promise<string> {
    const row = manager.create(ModerationAction, {
      networkId: entry.networkId,
      actorId: entry.actorPersonId,
      action: entry.action,
      targetKind: entry.targetKind,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      details: entry.details ?? null,
    });
    return (await manager.save(ModerationAction, row)).id;
  }

  /**
   * Counts one post of this person in this network, or throws 429 RATE_LIMITED when the person
   * already posted too much (stricter while none of their companies has been a member for long).
   * Call it in the transaction that writes the post: a refused post writes nothing.
   */
  async assertMayPost(manager: EntityManager, key: PostingKey): Promise<void> {
    // Serialises the posts of one person in one network (released at the end of the transaction).
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`posting:${key.networkId}:${key.personId}`]);
    const [person]: { platform_role: PlatformRole }[] = await manager.query('SELECT platform_role FROM people WHERE id = $1', [
      key.personId,
    ]);
    if (!person) throw AppException.unauthorized();
    const actor: Actor = { personId: key.personId, platformRole: person.platform_role };
    const standing = (await this.access.networkStandings(actor, [key.networkId], manager)).get(key.networkId);
    if (!standing) throw AppException.notFound(NETWORK);
    if (this.access.isExemptFromPostingLimits(standing)) return;

    const [{ established }]: { established: boolean }[] = await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM ${networkMemberPeopleFrom('m', { network: '$1', person: '$2', statuses: ['active'] })}
           WHERE COALESCE((SELECT max(e.created_at) FROM network_membership_events e
                         WHERE e.membership_id = m.membership_id AND e.to_status = 'active' AND e.from_status IS DISTINCT FROM 'active'),
                        m.created_at) <= now() - make_interval(days => $3::int)) AS established`,
      [key.networkId, key.personId, this.limits.newMemberDays],
    );
    const limits = established ? this.limits.established : this.limits.newMember;
    const now = Date.now();
    await manager.query('DELETE FROM moderation_posting_events WHERE network_id = $1 AND person_id = $2 AND created_at < $3', [
      key.networkId,
      key.personId,
      new Date(now - DAY_MS),
    ]);
    const [counts]: { recent: number; day: number; oldest_recent: Date | null; oldest_day: Date | null }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE created_at >= $3)::int AS recent, count(*)::int AS day,
              min(created_at) FILTER (WHERE created_at >= $3) AS oldest_recent, min(created_at) AS oldest_day
       FROM moderation_posting_events WHERE network_id = $1 AND person_id = $2`,
      [key.networkId, key.personId, new Date(now - TEN_MINUTES_MS)],
    );
    let retryAt: number | null = null;
    if (counts.recent >= limits.perTenMinutes && counts.oldest_recent) retryAt = counts.oldest_recent.getTime() + TEN_MINUTES_MS;
    if (counts.day >= limits.perDay && counts.oldest_day) retryAt = Math.max(retryAt ?? 0, counts.oldest_day.getTime() + DAY_MS);
    if (retryAt !== null) {
      throw new AppException(HttpStatus.TOO_MANY_REQUESTS, 'RATE_LIMITED', 'You are posting too fast in this network, try again later', {
        retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now) / 1000)),
        perTenMinutes: limits.perTenMinutes,
        perDay: limits.perDay,
      });
    }
    await manager.insert(PostingEvent, { networkId: key.networkId, personId: key.personId });
  }

  // ---------- reports ----------

  /** Any signed-in person who may see the content reports it; one open report per person and content. */
  async report(actor: Actor, dto: CreateReportDto): Promise<ReportView> {
    const target = await this.loadTarget(actor, dto.targetKind, dto.targetId);
    await this.access.assert(this.access.canReport(actor, target !== null), { hide: CONTENT });
    const networkId = (target as ReportableTarget).networkId;
    try {
      const saved = await this.db.transaction(async (tx) => {
        const [open] = await tx.query(
          "SELECT 1 FROM moderation_reports WHERE target_kind = $1 AND target_id = $2 AND reporter_id = $3 AND status = 'open'",
          [dto.targetKind, dto.targetId, actor.personId],
        );
        if (open) throw AppException.conflict('ALREADY_REPORTED', 'You already reported this content');
        return tx.save(
          ModerationReport,
          tx.create(ModerationReport, {
            targetKind: dto.targetKind,
            targetId: dto.targetId,
            networkId,
            reporterId: actor.personId,
            reason: dto.reason,
            comment: dto.comment ?? null,
            status: 'open',
          }),
        );
      });
      await this.notifyModerators(actor, saved);
      return {
        id: saved.id,
        targetKind: saved.targetKind,
        targetId: saved.targetId,
        networkId: saved.networkId,
        reason: saved.reason,
        comment: saved.comment,
        status: saved.status,
        createdAt: saved.createdAt.toISOString(),
      };
    } catch (error) {
      if (isUniqueViolation(error)) throw AppException.conflict('ALREADY_REPORTED', 'You already reported this content');
      throw error;
    }
  }

  /** The network's moderators hear of a new report (in the app and by e-mail); the reporter stays anonymous to them here. */
  private async notifyModerators(actor: Actor, report: ModerationReport): Promise<void> {
    const [network]: { name: string }[] = await this.db.query('SELECT name FROM networks WHERE id = $1', [report.networkId]);
    if (!network) return;
    await this.notifications.notify(null, {
      type: 'moderation.report',
      recipients: await this.access.networkModeratorIds(report.networkId),
      actorId: actor.personId,
      subject: { kind: 'moderation_report', id: report.id, networkId: report.networkId },
      data: { network: network.name, reason: report.reason },
      path: `/reseaux/${report.networkId}/moderation`,
      dedupeKey: `moderation:${report.networkId}`,
    });
  }

  /** Open reports of a network grouped by content, most reported first. */
  async queue(actor: Actor, networkId: string, query: ModerationPageQueryDto): Promise<Page<ModerationQueueItem>> {
    await this.moderatorStanding(actor, networkId);
    const [{ total }] = await this.db.query(
      "SELECT count(DISTINCT (target_kind, target_id))::int AS total FROM moderation_reports WHERE network_id = $1 AND status = 'open'",
      [networkId],
    );
    const groups: { target_kind: ReportTargetKind; target_id: string; report_count: number; first_at: Date; last_at: Date }[] =
      await this.db.query(
        `SELECT target_kind, target_id, count(*)::int AS report_count, min(created_at) AS first_at, max(created_at) AS last_at
       FROM moderation_reports WHERE network_id = $1 AND status = 'open'
       GROUP BY target_kind, target_id ORDER BY count(*) DESC, max(created_at) DESC, target_id LIMIT $2 OFFSET $3`,
        [networkId, query.pageSize, (query.page - 1) * query.pageSize],
      );
    const reports: (Omit<ModerationQueueReport, 'createdAt'> & { createdAt: Date; targetKind: string; targetId: string })[] = groups.length
      ? await this.db.query(
          `SELECT r.id, r.target_kind AS "targetKind", r.target_id AS "targetId", r.reporter_id AS "reporterPersonId",
                  CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name END AS "reporterName",
                  r.reason, r.comment, r.created_at AS "createdAt"
           FROM moderation_reports r LEFT JOIN people p ON p.id = r.reporter_id
           WHERE r.network_id = $1 AND r.status = 'open' AND r.target_id = ANY($2::uuid[])
           ORDER BY r.created_at, r.id`,
          [networkId, groups.map((g) => g.target_id)],
        )
      : [];
    const items: ModerationQueueItem[] = [];
    for (const group of groups) {
      const target = await this.loadTarget(actor, group.target_kind, group.target_id);
      const own = reports.filter((r) => r.targetKind === group.target_kind && r.targetId === group.target_id);
      items.push({
        targetKind: group.target_kind,
        targetId: group.target_id,
        networkId,
        excerpt: target?.excerpt ?? null,
        url: target?.url ?? null,
        hidden: target?.hidden ?? false,
        authorPersonId: target?.authorPersonId ?? null,
        reportCount: group.report_count,
        reasons: [...new Set(own.map((r) => r.reason))] as ReportReason[],
        firstReportedAt: group.first_at.toISOString(),
        lastReportedAt: group.last_at.toISOString(),
        reports: own.map(({ targetKind: _k, targetId: _t, createdAt, ...r }) => ({ ...r, createdAt: createdAt.toISOString() })),
      });
    }
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Hides the reported content, resolving every open report on it. */
  hide(actor: Actor, reportId: string, dto: DecisionDto): Promise<ModerationLogEntry> {
    return this.decide(actor, reportId, 'hide', dto);
  }

  /** Shows hidden content again. */
  restore(actor: Actor, reportId: string, dto: DecisionDto): Promise<ModerationLogEntry> {
    return this.decide(actor, reportId, 'restore', dto);
  }

  /** Dismisses every open report on the content (nothing wrong with it). */
  dismiss(actor: Actor, reportId: string, dto: DecisionDto): Promise<ModerationLogEntry> {
    return this.decide(actor, reportId, 'dismiss', dto);
  }

  // ---------- warnings and log ----------

  /** Warns a member company (or one of its people) by e-mail, and keeps the warning in the log. */
  async warn(actor: Actor, networkId: string, dto: WarnDto): Promise<ModerationLogEntry> {
    await this.moderatorStanding(actor, networkId);
    const entryId = await this.db.transaction(async (tx) => {
      const [membership]: { network_name: string; company_name: string }[] = await tx.query(
        `SELECT n.name AS network_name, COALESCE(c.trade_name, c.legal_name) AS company_name
         FROM network_memberships m JOIN networks n ON n.id = m.network_id JOIN companies c ON c.id = m.company_id
         WHERE m.network_id = $1 AND m.company_id = $2 AND m.status IN ('active', 'pending', 'invited')`,
        [networkId, dto.companyId],
      );
      if (!membership) throw fieldError('NOT_A_MEMBER', 'companyId', 'This company is not a member of the network');
      const people: { id: string; email: string; locale: 'fr' | 'en' }[] = await tx.query(
        `SELECT p.id, p.email, p.locale FROM company_members cm JOIN people p ON p.id = cm.person_id
         WHERE cm.company_id = $1 AND ($2::uuid IS NULL OR p.id = $2::uuid) ORDER BY p.id`,
        [dto.companyId, dto.personId ?? null],
      );
      if (dto.personId && !people.length)
        throw fieldError('NOT_A_COMPANY_PERSON', 'personId', 'This person does not represent the company');
      const id = await this.audit(tx, {
        networkId,
        actorPersonId: actor.personId,
        action: 'warn',
        targetKind: dto.personId ? 'person' : 'company',
        targetId: dto.personId ?? dto.companyId,
        reason: dto.reason,
        details: { companyId: dto.companyId, recipients: people.length },
      });
      const link = new URL(`/reseaux/${networkId}`, this.config.PUBLIC_URL).toString();
      for (const person of people) {
        await this.mail.send(
          {
            to: person.email,
            locale: person.locale,
            template: memberWarningMail,
            data: { network: membership.network_name, company: membership.company_name, reason: dto.reason, link },
          },
          tx,
        );
      }
      return id;
    });
    return this.logEntry(entryId);
  }

  /** The network's moderation audit log, newest first. */
  async log(actor: Actor, networkId: string, query: ModerationPageQueryDto): Promise<Page<ModerationLogEntry>> {
    const standing = await this.visibleStanding(actor, networkId);
    await this.access.assert(this.access.canReadModerationLog(standing));
    const [{ total }] = await this.db.query('SELECT count(*)::int AS total FROM moderation_actions WHERE network_id = $1', [networkId]);
    const rows = await this.logRows(
      'a.network_id = $1',
      [networkId],
      `LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    );
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  // ---------- internals ----------

  private async loadTarget(actor: MaybeActor, kind: ReportTargetKind, id: string): Promise<ReportableTarget | null> {
    const resolver = this.resolvers.get(kind);
    return resolver ? resolver.load(actor, id) : null;
  }

  private async decide(actor: Actor, reportId: string, decision: Decision, dto: DecisionDto): Promise<ModerationLogEntry> {
    const report = await this.db.getRepository(ModerationReport).findOne({ where: { id: reportId } });
    // A report is private to the network's moderators: for anyone else it does not exist.
    const standing = report ? await this.access.networkStanding(actor, report.networkId) : null;
    if (!report || !standing || !this.access.canModerateNetwork(standing)) throw AppException.notFound(REPORT);
    const resolver = this.resolvers.get(report.targetKind);
    const target = await this.loadTarget(actor, report.targetKind, report.targetId);
    if (decision !== 'dismiss' && (!resolver || !target)) throw AppException.notFound(CONTENT);
    const id = await this.db.transaction(async (tx) => {
      const open: { id: string; reason: ReportReason }[] = await tx.query(
        `SELECT id, reason FROM moderation_reports WHERE target_kind = $1 AND target_id = $2 AND network_id = $3 AND status = 'open'
         ORDER BY created_at, id FOR UPDATE`,
        [report.targetKind, report.targetId, report.networkId],
      );
      if (decision === 'dismiss' && !open.length) throw AppException.conflict('REPORT_CLOSED', 'This report was already handled');
      if (decision === 'hide' && target?.hidden && !open.length)
        throw AppException.conflict('ALREADY_HIDDEN', 'This content is already hidden');
      if (decision === 'restore' && !target?.hidden) throw AppException.conflict('NOT_HIDDEN', 'This content is not hidden');
      if (decision !== 'dismiss' && resolver && target && target.hidden !== (decision === 'hide')) {
        await resolver.setHidden(actor, report.targetId, decision === 'hide', tx);
      }
      if (decision !== 'restore' && open.length) {
        await tx.query(`UPDATE moderation_reports SET status = $2, decided_by_id = $3, decided_at = now() WHERE id = ANY($1::uuid[])`, [
          open.map((r) => r.id),
          decision === 'hide' ? 'resolved' : 'dismissed',
          actor.personId,
        ]);
      }
      return this.audit(tx, {
        networkId: report.networkId,
        actorPersonId: actor.personId,
        action: decision,
        targetKind: report.targetKind,
        targetId: report.targetId,
        reason: dto.note ?? null,
        details: {
          reportId: report.id,
          ...(decision === 'restore' ? {} : { reportIds: open.map((r) => r.id), reasons: [...new Set(open.map((r) => r.reason))] }),
        },
      });
    });
    return this.logEntry(id);
  }

  private async logEntry(id: string): Promise<ModerationLogEntry> {
    const [entry] = await this.logRows('a.id = $1', [id], '');
    return entry;
  }

  private async logRows(where: string, params: unknown[], tail: string): Promise<ModerationLogEntry[]> {
    const rows: (Omit<ModerationLogEntry, 'createdAt'> & { createdAt: Date })[] = await this.db.query(
      `SELECT a.id, a.network_id AS "networkId", a.actor_id AS "actorPersonId",
              CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name END AS "actorName",
              a.action, a.target_kind AS "targetKind", a.target_id AS "targetId", a.reason, a.details, a.created_at AS "createdAt"
       FROM moderation_actions a LEFT JOIN people p ON p.id = a.actor_id
       WHERE ${where} ORDER BY a.created_at DESC, a.id DESC ${tail}`,
      params,
    );
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  private async visibleStanding(actor: MaybeActor, networkId: string): Promise<NetworkStanding> {
    return this.access.require(actor, 'network.see', { network: networkId }, { hide: NETWORK });
  }

  private async moderatorStanding(actor: Actor, networkId: string): Promise<NetworkStanding> {
    const standing = await this.visibleStanding(actor, networkId);
    await this.access.assert(this.access.canModerateNetwork(standing));
    return standing;
  }
}
