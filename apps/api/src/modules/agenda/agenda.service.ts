import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type UploadSource } from '../../core/storage/upload-source';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AGENDA_RANGE_DAYS_MAX,
  type AgendaEvent as AgendaEventView,
  type AgendaEventSummary,
  type AgendaQuestion,
  type AgendaSettings as AgendaSettingsView,
  type AgendaShareTarget,
} from '@maillage/contracts';
import { findCommune } from '@maillage/referentials';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FilesService } from '../../core/storage/files.service';
import type { AgendaListQueryDto, CreateAgendaEventDto, UpdateAgendaEventDto } from './dto/agenda.dto';
import { AgendaErrors, EVENT, NETWORK } from './agenda.errors';
import { AgendaNotifier } from './agenda-notifier';
import { AgendaRepository, EVENT_NETWORK, type EventRow } from './agenda.repository';
import { occurrences, parseAgendaTime } from './agenda-time';
import { AgendaEvent } from './entities/agenda-event.entity';
import { AgendaEventShare } from './entities/agenda-event-share.entity';
import { AgendaSettings } from './entities/agenda-settings.entity';
import { isHostStaffSql, isNetworkMemberSql } from '../../core/access/network-standing.sql';

/** What the policy decided about one event for the caller. */
export interface EventContext {
  row: EventRow;
  home: NetworkStanding;
  shared: NetworkStanding[];
  networkIds: string[];
  standings: Map<string, NetworkStanding>;
  rights: { read: boolean; manage: boolean; register: boolean };
}

const DAY = 24 * 3600 * 1000;

/** Reads a date-time field (see parseAgendaTime); a 400 naming the field otherwise. */
export function timeField(field: string, value: string): Date {
  const parsed = parseAgendaTime(value);
  if (!(parsed instanceof Date)) throw AgendaErrors.invalidTime(field, parsed);
  return parsed;
}

/** Events, their networks and the agenda views (registrations: AgendaRegistrationsService). */
@Injectable()
export class AgendaService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly repo: AgendaRepository,
    private readonly files: FilesService,
    private readonly notifier: AgendaNotifier,
    private readonly search: SearchIndexer,
  ) {}

  // ---------- access ----------

  /** An event the caller may read (else 404), with their rights; `manage` also asks for management rights (else 403). */
  async context(actor: MaybeActor, id: string, need: 'read' | 'manage' = 'read'): Promise<EventContext> {
    const row = await this.repo.event(actor?.personId ?? null, id);
    if (!row) throw AppException.notFound(EVENT);
    const networkIds = [row.network_id, ...(row.shared_ids ?? [])];
    const standings = await this.access.networkStandings(actor, networkIds);
    const home = standings.get(row.network_id);
    if (!home) throw AppException.notFound(EVENT);
    const shared = (row.shared_ids ?? []).flatMap((nid) => standings.get(nid) ?? []);
    const rights = this.access.eventRights(actor, { status: row.status, createdById: row.created_by_id }, home, shared);
    if (!rights.read) throw AppException.notFound(EVENT);
    if (need === 'manage' && !rights.manage) throw AppException.forbidden();
    return { row, home, shared, networkIds, standings, rights };
  }

  /** The caller's standing in a network whose agenda they see; 404 otherwise. */
  async networkStanding(actor: MaybeActor, networkId: string): Promise<NetworkStanding> {
    return this.access.require(actor, 'agenda.read', { network: networkId }, { hide: NETWORK });
  }

  async get(actor: MaybeActor, id: string): Promise<AgendaEventView> {
    return this.viewOf(actor, await this.context(actor, id));
  }

  async viewOf(actor: MaybeActor, ctx: EventContext): Promise<AgendaEventView> {
    const { row, rights } = ctx;
    const networks = await this.visibleRefs(ctx);
    const now = Date.now();
    const registrationClosed =
      row.status !== 'published'
        ? 'not_published'
        : row.starts_at.getTime() <= now
          ? 'started'
          : row.registration_deadline && row.registration_deadline.getTime() < now
            ? 'deadline'
            : null;
    const view = this.repo.view(row, networks, {
      canManage: rights.manage,
      canRegister: rights.register && registrationClosed === null,
      registrationClosed,
      showLink: this.access.canSeeEventLink(rights, row.my_status),
    });
    // The organiser is a person: shown as the people rule says (AccessPolicy.canSeePerson).
    if (view.createdBy && (await this.access.hiddenPeopleAmong(actor, [view.createdBy.id])).size) view.createdBy = null;
    return view;
  }

  /** The home network and the sharing networks the caller may see (a secret sharing network stays hidden from outsiders). */
  private async visibleRefs(ctx: EventContext) {
    const visible = [
      ctx.row.network_id,
      ...(ctx.row.shared_ids ?? []).filter((id) => this.access.canSeeNetwork(ctx.standings.get(id) ?? null)),
    ];
    return this.repo.networkRefs(visible);
  }

  // ---------- lists ----------

  /**
   * Published (and cancelled) events in a period that the caller may see; a network's managers also see
   * its drafts and proposals in that network's agenda. `mine`: events of the caller's networks and those
   * they registered for. `territory`: public events located in a département or a région.
   */
  async list(actor: MaybeActor, query: AgendaListQueryDto): Promise<AgendaEventSummary[]> {
    const from = query.from ? timeField('from', query.from) : new Date(Date.now() - 31 * DAY);
    const to = query.to ? timeField('to', query.to) : new Date(from.getTime() + 92 * DAY);
    if (to.getTime() <= from.getTime()) throw AgendaErrors.endBeforeStart();
    if (to.getTime() - from.getTime() > AGENDA_RANGE_DAYS_MAX * DAY) throw AgendaErrors.rangeTooLong();
    return this.summaries(actor, await this.rows(actor, query, from, to));
  }

  /** The rows of `list` (and of the ICS feeds) in a period. */
  async rows(actor: MaybeActor, query: Omit<AgendaListQueryDto, 'from' | 'to'>, from: Date, to: Date): Promise<EventRow[]> {
    const params: unknown[] = [from, to];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length + 1}`;
    };
    const territory = query.scope === 'territory';
    // The territorial agenda shows public events only, whoever asks.
    const seen = this.access.agendaNetworksCondition(territory ? null : actor, bind);
    let statuses = "e.status IN ('published', 'cancelled')";
    if (query.networkId) {
      const standing = await this.networkStanding(actor, query.networkId);
      if (this.access.canManageAgenda(standing)) statuses = 'TRUE';
    }
    const where = [statuses, 'e.starts_at < $3', 'e.ends_at > $2', `EXISTS (SELECT 1 FROM networks n WHERE ${EVENT_NETWORK} AND ${seen})`];
    if (query.networkId) {
      const id = bind(query.networkId);
      where.push(
        `(e.network_id = ${id}::uuid OR EXISTS (SELECT 1 FROM agenda_event_shares s2 WHERE s2.event_id = e.id AND s2.network_id = ${id}::uuid))`,
      );
    }
    if (query.scope === 'mine') {
      if (!actor) throw AppException.unauthorized();
      const me = bind(actor.personId);
      where.push(`(EXISTS (SELECT 1 FROM networks n WHERE ${EVENT_NETWORK} AND ${isNetworkMemberSql('n.id', `${me}::uuid`)})
        OR EXISTS (SELECT 1 FROM agenda_registrations r WHERE r.event_id = e.id AND r.person_id = ${me}::uuid AND r.status <> 'cancelled'))`);
    }
    if (territory) {
      if (query.departement) where.push(`e.departement_code = ${bind(query.departement.toUpperCase())}`);
      if (query.region) where.push(`e.region_code = ${bind(query.region)}`);
    }
    if (query.networkType) where.push(`EXISTS (SELECT 1 FROM networks n WHERE ${EVENT_NETWORK} AND n.type = ${bind(query.networkType)})`);
    if (query.theme) where.push(`EXISTS (SELECT 1 FROM networks n WHERE ${EVENT_NETWORK} AND ${bind(query.theme)} = ANY(n.themes))`);
    return this.repo.events(actor?.personId ?? null, where.join(' AND '), params);
  }

  /** Summaries, naming only the networks the caller may see. */
  async summaries(actor: MaybeActor, rows: EventRow[]): Promise<AgendaEventSummary[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.network_id, ...(r.shared_ids ?? [])]))];
    const standings = await this.access.networkStandings(actor, ids);
    const visible = ids.filter((id) => this.access.canSeeNetwork(standings.get(id) ?? null));
    const networks = await this.repo.networkRefs(visible);
    return rows.map((row) => this.repo.summary(row, networks));
  }

  // ---------- settings ----------

  async settings(actor: MaybeActor, networkId: string): Promise<AgendaSettingsView> {
    const standing = await this.networkStanding(actor, networkId);
    const memberProposals = await this.memberProposals(networkId);
    return {
      memberProposals,
      canManage: this.access.canManageAgenda(standing),
      canPropose: actor !== null && this.access.canProposeEvent(standing, memberProposals),
    };
  }

  /** For a manager of `homeId`: the other networks they manage (as animator or host staff; the policy has the last word), by name. */
  async shareTargets(actor: Actor, homeId: string): Promise<AgendaShareTarget[]> {
    if (!this.access.canManageAgenda(await this.networkStanding(actor, homeId))) return [];
    const candidates: { id: string; name: string }[] = await this.db.query(
      `SELECT n.id, n.name FROM networks n
       WHERE n.id <> $1 AND (
         ${isHostStaffSql('n.host_organization_id', '$2')}
         OR ${isNetworkMemberSql('n.id', '$2', { roles: ['animator'] })})
       ORDER BY n.name, n.id LIMIT 200`,
      [homeId, actor.personId],
    );
    const standings = await this.access.networkStandings(
      actor,
      candidates.map((c) => c.id),
    );
    return candidates.filter((c) => {
      const standing = standings.get(c.id);
      return standing !== undefined && this.access.canManageAgenda(standing);
    });
  }

  async updateSettings(actor: Actor, networkId: string, memberProposals: boolean): Promise<AgendaSettingsView> {
    const standing = await this.networkStanding(actor, networkId);
    await this.access.assert(this.access.canManageAgenda(standing));
    await this.db.manager.upsert(AgendaSettings, { networkId, memberProposals }, ['networkId']);
    return this.settings(actor, networkId);
  }

  private async memberProposals(networkId: string): Promise<boolean> {
    return (await this.db.manager.findOneBy(AgendaSettings, { networkId }))?.memberProposals ?? false;
  }

  // ---------- writing ----------

  /** Creates an event (one row per occurrence when it repeats); managers publish or draft, members propose. */
  async create(actor: Actor, networkId: string, dto: CreateAgendaEventDto): Promise<AgendaEventView[]> {
    const standing = await this.networkStanding(actor, networkId);
    const manager = this.access.canManageAgenda(standing);
    await this.access.assert(this.access.canProposeEvent(standing, await this.memberProposals(networkId)));
    const shared = await this.checkShares(actor, networkId, dto.sharedNetworkIds ?? []);
    const fields = this.fields(dto, null);
    const status = manager ? (dto.status ?? 'published') : 'proposed';
    const seriesId = dto.recurrence ? randomUUID() : null;
    const ids = await this.db.transaction(async (tx) => {
      const created: string[] = [];
      for (const when of occurrences(fields.startsAt, fields.endsAt, dto.recurrence)) {
        const shift = when.startsAt.getTime() - fields.startsAt.getTime();
        const event = await tx.save(AgendaEvent, {
          ...fields,
          ...when,
          registrationDeadline: fields.registrationDeadline ? new Date(fields.registrationDeadline.getTime() + shift) : null,
          networkId,
          seriesId,
          status,
          createdById: actor.personId,
        });
        if (shared.length)
          await tx.insert(
            AgendaEventShare,
            shared.map((nid) => ({ eventId: event.id, networkId: nid })),
          );
        created.push(event.id);
      }
      await this.search.enqueue(tx, 'event', created);
      // A series is announced once, by its first occurrence.
      if (status === 'published') await this.notifier.announceNew(tx, created[0], actor.personId);
      return created;
    });
    return Promise.all(ids.map((id) => this.get(actor, id)));
  }

  async update(actor: Actor, id: string, dto: UpdateAgendaEventDto): Promise<AgendaEventView> {
    const ctx = await this.context(actor, id, 'manage');
    if (ctx.row.status === 'cancelled') throw AgendaErrors.notEditable();
    const shared = dto.sharedNetworkIds
      ? await this.checkShares(actor, ctx.row.network_id, dto.sharedNetworkIds, ctx.row.shared_ids ?? [])
      : null;
    const fields = this.fields(dto, ctx.row);
    await this.db.transaction(async (tx) => {
      // The event's row lock orders this change with registrations (capacity).
      await tx.query('SELECT id FROM agenda_events WHERE id = $1 FOR UPDATE', [id]);
      const [{ n }]: { n: number }[] = await tx.query(
        "SELECT count(*)::int AS n FROM agenda_registrations WHERE event_id = $1 AND status = 'registered'",
        [id],
      );
      if (fields.capacity !== null && fields.capacity < n) throw AgendaErrors.capacityBelowRegistrations(n);
      await tx.update(AgendaEvent, id, fields);
      if (shared) {
        await tx.delete(AgendaEventShare, { eventId: id });
        if (shared.length)
          await tx.insert(
            AgendaEventShare,
            shared.map((nid) => ({ eventId: id, networkId: nid })),
          );
      }
      await this.notifier.promote(tx, id);
      await this.search.enqueue(tx, 'event', [id]);
    });
    return this.get(actor, id);
  }

  async publish(actor: Actor, id: string): Promise<AgendaEventView> {
    const ctx = await this.context(actor, id, 'manage');
    if (ctx.row.status !== 'draft' && ctx.row.status !== 'proposed') throw AgendaErrors.notPublishable();
    await this.db.transaction(async (tx) => {
      await tx.update(AgendaEvent, id, { status: 'published' });
      await this.search.enqueue(tx, 'event', [id]);
      await this.notifier.announceNew(tx, id, actor.personId);
    });
    return this.get(actor, id);
  }

  /** Cancels the event; its registered and waitlisted people are told. */
  async cancel(actor: Actor, id: string): Promise<AgendaEventView> {
    const ctx = await this.context(actor, id, 'manage');
    if (ctx.row.status === 'cancelled') return this.viewOf(actor, ctx);
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM agenda_events WHERE id = $1 FOR UPDATE', [id]);
      await tx.update(AgendaEvent, id, { status: 'cancelled' });
      // Removals go first (a cancelled event is no longer found).
      await this.search.enqueue(tx, 'event', [id], { priority: 0 });
      const people: { person_id: string }[] = await tx.query(
        "SELECT person_id FROM agenda_registrations WHERE event_id = $1 AND status <> 'cancelled'",
        [id],
      );
      await this.notifier.tellAbout(
        tx,
        'agenda.event_cancelled',
        id,
        people.map((p) => p.person_id),
        actor.personId,
      );
    });
    return this.get(actor, id);
  }

  async setCover(actor: Actor, id: string, source: UploadSource | null): Promise<AgendaEventView> {
    await this.context(actor, id, 'manage');
    await this.files.replaceImage(
      source,
      actor.personId,
      (fileId) =>
        this.db.transaction(async (tx: EntityManager) => {
          const previous = (await tx.findOne(AgendaEvent, { where: { id }, lock: { mode: 'pessimistic_write' } }))?.coverFileId;
          if (previous === undefined) throw AppException.notFound(EVENT);
          await tx.update(AgendaEvent, id, { coverFileId: fileId });
          return previous;
        }),
      'cover',
    );
    return this.get(actor, id);
  }

  /**
   * Takes a shared event out of one of the networks it is shared with: its managers, or the moderators of that
   * network (AccessPolicy.canRemoveSharedFrom), who may always take out what another network shared into theirs.
   */
  async unshare(actor: Actor, id: string, networkId: string): Promise<void> {
    const ctx = await this.context(actor, id);
    const standing = ctx.standings.get(networkId);
    if (!(ctx.row.shared_ids ?? []).includes(networkId) || !standing) throw AppException.notFound(NETWORK);
    await this.access.assert(ctx.rights.manage || this.access.canRemoveSharedFrom(standing));
    await this.db.transaction(async (tx) => {
      await tx.delete(AgendaEventShare, { eventId: id, networkId });
      await this.search.enqueue(tx, 'event', [id], { priority: 0 });
    });
  }

  /** The other networks of a shared event: each one managed by the caller (already sharing ones may stay). */
  private async checkShares(actor: Actor, homeId: string, ids: readonly string[], current: readonly string[] = []): Promise<string[]> {
    const wanted = [...new Set(ids)].filter((id) => id !== homeId);
    const added = wanted.filter((id) => !current.includes(id));
    const standings = await this.access.networkStandings(actor, added);
    for (const id of added) {
      const s = standings.get(id);
      if (!s || !this.access.canManageAgenda(s)) throw AgendaErrors.invalidShare();
    }
    return wanted;
  }

  /** The checked columns of a new event (`row` null) or of a change to `row`. */
  private fields(dto: UpdateAgendaEventDto, row: EventRow | null) {
    const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
    const startsAt = dto.startsAt !== undefined ? timeField('startsAt', dto.startsAt) : (row?.starts_at as Date);
    const endsAt = dto.endsAt !== undefined ? timeField('endsAt', dto.endsAt) : (row?.ends_at as Date);
    if (endsAt.getTime() <= startsAt.getTime()) throw AgendaErrors.endBeforeStart();
    const deadlineInput = pick(dto.registrationDeadline, undefined);
    const registrationDeadline =
      deadlineInput === undefined
        ? (row?.registration_deadline ?? null)
        : deadlineInput === null
          ? null
          : timeField('registrationDeadline', deadlineInput);
    if (registrationDeadline && registrationDeadline.getTime() > startsAt.getTime()) throw AgendaErrors.deadlineAfterStart();
    const format = pick(dto.format, row?.format ?? 'in_person');
    const address = pick(dto.address, row?.address ?? null);
    const communeCode = pick(dto.communeCode, row?.commune_code ?? null)?.toUpperCase() ?? null;
    const onlineUrl = pick(dto.onlineUrl, row?.online_url ?? null);
    const commune = communeCode ? findCommune(communeCode) : null;
    if (communeCode && !commune) throw AgendaErrors.unknownCommune();
    if (format === 'in_person' && (!commune || !address)) throw AgendaErrors.placeRequired();
    if (format === 'online' && !onlineUrl) throw AgendaErrors.linkRequired();
    return {
      title: pick(dto.title, row?.title ?? ''),
      description: pick(dto.description, row?.description ?? null),
      format,
      address: format === 'in_person' ? address : null,
      communeCode: format === 'in_person' ? communeCode : null,
      departementCode: format === 'in_person' ? (commune?.departement.code ?? null) : null,
      regionCode: format === 'in_person' ? (commune?.region.code ?? null) : null,
      onlineUrl: format === 'online' ? onlineUrl : null,
      startsAt,
      endsAt,
      capacity: pick(dto.capacity, row?.capacity ?? null),
      registrationDeadline,
      questions: dto.questions ? questionsOf(dto.questions) : (row?.questions ?? []),
    };
  }

  /**
   * The events published lately in these networks or shared into them, newest first (the activity feed; the caller
   * passes networks whose agenda the reader sees). `networkId` is the listed network the event is in.
   */
  async recentlyPublished(
    networkIds: readonly string[],
    limit: number,
  ): Promise<{ id: string; networkId: string; title: string; startsAt: Date; author: string | null; at: Date }[]> {
    if (!networkIds.length) return [];
    const rows: { id: string; network_id: string; title: string; starts_at: Date; author: string | null; created_at: Date }[] =
      await this.db.query(
        // One line per event (shared ones reach several networks) and per series: its next occurrence, else its first.
        `SELECT * FROM (
           SELECT DISTINCT ON (coalesce(e.series_id, e.id)) e.id, x.network_id, e.title, e.starts_at, e.created_at,
                  (SELECT trim(p.first_name || ' ' || p.last_name) FROM people p WHERE p.id = e.created_by_id) AS author
           FROM agenda_events e
           JOIN (SELECT id AS event_id, network_id FROM agenda_events WHERE network_id = ANY($1::uuid[])
                 UNION ALL SELECT event_id, network_id FROM agenda_event_shares WHERE network_id = ANY($1::uuid[])) x ON x.event_id = e.id
           WHERE e.status = 'published'
           ORDER BY coalesce(e.series_id, e.id), e.starts_at < now(), e.starts_at
         ) published
         ORDER BY created_at DESC, id LIMIT $2`,
        [[...new Set(networkIds)], limit],
      );
    return rows.map((r) => ({
      id: r.id,
      networkId: r.network_id,
      title: r.title,
      startsAt: new Date(r.starts_at),
      author: r.author,
      at: new Date(r.created_at),
    }));
  }

  // ---------- steering aggregates (read by the steering module's refresh job) ----------

  /**
   * Events held per home network and Europe/Paris day of their start in [from, to) (published, started before `now`;
   * cancelled ones excluded) with their registrations, check-ins and waitlist, and who checked in.
   */
  async steeringActivity(
    db: Pick<EntityManager, 'query'>,
    from: string,
    to: string,
    now: Date,
  ): Promise<{
    days: { network_id: string; day: string; events_held: number; registrations: number; check_ins: number; waitlisted: number }[];
    people: { network_id: string; person_id: string; day: string }[];
  }> {
    const range = `e.status = 'published' AND e.starts_at <= $3
      AND e.starts_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris') AND e.starts_at < ($2::date::timestamp AT TIME ZONE 'Europe/Paris')`;
    const days = await db.query(
      `SELECT e.network_id, (e.starts_at AT TIME ZONE 'Europe/Paris')::date::text AS day, count(*)::int AS events_held,
              coalesce(sum(r.registered), 0)::int AS registrations, coalesce(sum(r.checked_in), 0)::int AS check_ins, coalesce(sum(r.waitlisted), 0)::int AS waitlisted
       FROM agenda_events e
       LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE status = 'registered') AS registered,
                                 count(*) FILTER (WHERE status = 'registered' AND checked_in_at IS NOT NULL) AS checked_in,
                                 count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
                          FROM agenda_registrations WHERE event_id = e.id) r ON true
       WHERE ${range}
       GROUP BY 1, 2`,
      [from, to, now],
    );
    const people = await db.query(
      `SELECT DISTINCT e.network_id, r.person_id, (e.starts_at AT TIME ZONE 'Europe/Paris')::date::text AS day
       FROM agenda_events e JOIN agenda_registrations r ON r.event_id = e.id
       WHERE ${range} AND r.status = 'registered' AND r.checked_in_at IS NOT NULL`,
      [from, to, now],
    );
    return { days, people };
  }

  /** The titles and starts of events of a network, by id (ids of other networks or unknown ones are left out). */
  async steeringEvents(
    db: Pick<EntityManager, 'query'>,
    networkId: string,
    ids: readonly string[],
  ): Promise<{ id: string; title: string; starts_at: Date }[]> {
    if (!ids.length) return [];
    return db.query(
      'SELECT id, title, starts_at FROM agenda_events WHERE network_id = $1 AND id = ANY($2::uuid[]) ORDER BY starts_at, id',
      [networkId, ids],
    );
  }
}

/** Questions with stable ids (kept when given, else q1, q2…); choice questions need 2+ distinct choices. */
function questionsOf(input: NonNullable<UpdateAgendaEventDto['questions']>): AgendaQuestion[] {
  const used = new Set<string>();
  return input.map((q, i) => {
    let id = q.id && !used.has(q.id) ? q.id : `q${i + 1}`;
    while (used.has(id)) id = `${id}x`;
    used.add(id);
    const choices = q.kind === 'choice' ? [...new Set((q.choices ?? []).map((c) => c.trim()).filter(Boolean))] : [];
    if (q.kind === 'choice' && choices.length < 2) throw AgendaErrors.invalidChoices();
    return { id, kind: q.kind, label: q.label, required: q.required ?? false, choices };
  });
}
