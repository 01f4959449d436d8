import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AgendaEvent,
  AgendaEventSummary,
  AgendaNetworkRef,
  AgendaQuestion,
  AgendaRegistrationStatus,
  AgendaEventFormat,
  AgendaEventStatus,
  AgendaMyCheckIn,
} from '@maillage/contracts';
import { findCommune } from '@maillage/referentials';
import { renderMarkdown } from '../../core/markdown';
import { fileUrl } from '../../core/storage/file-url';
import { parisWallClock } from './agenda-time';

type Queryable = Pick<EntityManager, 'query'>;

/** One event as read by the service (with counts and the caller's registration). */
export interface EventRow {
  id: string;
  network_id: string;
  series_id: string | null;
  title: string;
  description: string | null;
  status: AgendaEventStatus;
  format: AgendaEventFormat;
  address: string | null;
  commune_code: string | null;
  departement_code: string | null;
  online_url: string | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  registration_deadline: Date | null;
  questions: AgendaQuestion[];
  cover_file_id: string | null;
  created_by_id: string | null;
  created_by_name: string | null;
  shared_ids: string[] | null;
  registered_count: number;
  waitlist_count: number;
  my_id: string | null;
  my_status: AgendaRegistrationStatus | null;
  my_code: string | null;
  my_position: number | null;
}

/** The 1-based waitlist position of the registration `me` (null unless waitlisted): oldest first. */
export const WAITLIST_POSITION = `CASE WHEN me.status = 'waitlisted' THEN (SELECT count(*)::int FROM agenda_registrations w
      WHERE w.event_id = me.event_id AND w.status = 'waitlisted' AND (w.queued_at, w.id) <= (me.queued_at, me.id)) END`;

/** A registered person's code and the address of its QR code image. */
export const myCheckIn = (eventId: string, code: string): AgendaMyCheckIn => ({
  code,
  qrUrl: `/api/v1/agenda/check-in-codes/${eventId}/${code}.png`,
});

/** The columns of an EventRow; `$1` is the caller's person id (or null). */
const SELECT_EVENT = `SELECT e.id, e.network_id, e.series_id, e.title, e.description, e.status, e.format, e.address, e.commune_code, e.departement_code,
    e.online_url, e.starts_at, e.ends_at, e.capacity, e.registration_deadline, e.questions, e.cover_file_id, e.created_by_id,
    trim(p.first_name || ' ' || p.last_name) AS created_by_name,
    (SELECT array_agg(sh.network_id::text ORDER BY sh.network_id) FROM agenda_event_shares sh WHERE sh.event_id = e.id) AS shared_ids,
    (SELECT count(*)::int FROM agenda_registrations r WHERE r.event_id = e.id AND r.status = 'registered') AS registered_count,
    (SELECT count(*)::int FROM agenda_registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waitlist_count,
    me.id AS my_id, me.status AS my_status, me.check_in_code AS my_code,
    ${WAITLIST_POSITION} AS my_position
  FROM agenda_events e
  LEFT JOIN people p ON p.id = e.created_by_id
  LEFT JOIN agenda_registrations me ON me.event_id = e.id AND me.person_id = $1::uuid`;

/** `(n is one of the event e's networks)`: its home network or a network sharing it. */
export const EVENT_NETWORK = `(n.id = e.network_id OR EXISTS (SELECT 1 FROM agenda_event_shares sh WHERE sh.event_id = e.id AND sh.network_id = n.id))`;

/** The agenda's SQL: events with their counts, and the views answered by the API. */
@Injectable()
export class AgendaRepository {
  constructor(private readonly db: DataSource) {}

  async event(personId: string | null, id: string, db: Queryable = this.db): Promise<EventRow | null> {
    const rows: EventRow[] = await db.query(`${SELECT_EVENT} WHERE e.id = $2`, [personId, id]);
    return rows[0] ?? null;
  }

  /** Events matching `where` (a condition on `e`; its parameters follow the person id), by start time. */
  async events(personId: string | null, where: string, params: unknown[], limit = 500): Promise<EventRow[]> {
    return this.db.query(`${SELECT_EVENT} WHERE ${where} ORDER BY e.starts_at, e.id LIMIT ${limit}`, [personId, ...params]);
  }

  async networkRefs(ids: readonly string[], db: Queryable = this.db): Promise<Map<string, AgendaNetworkRef>> {
    if (!ids.length) return new Map();
    const rows: AgendaNetworkRef[] = await db.query('SELECT id, name, slug, type, visibility FROM networks WHERE id = ANY($1::uuid[])', [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  summary(row: EventRow, networks: Map<string, AgendaNetworkRef>): AgendaEventSummary {
    const network = networks.get(row.network_id) ?? { id: row.network_id, name: '', slug: '', type: 'business_club', visibility: 'secret' };
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      format: row.format,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      localStartsAt: parisWallClock(row.starts_at),
      localEndsAt: parisWallClock(row.ends_at),
      communeName: row.commune_code ? (findCommune(row.commune_code)?.name ?? null) : null,
      departementCode: row.departement_code,
      network,
      // Only the sharing networks the caller may know of (see the service).
      sharedWith: (row.shared_ids ?? []).flatMap((id) => networks.get(id) ?? []),
      coverUrl: fileUrl(row.cover_file_id),
      capacity: row.capacity,
      registeredCount: row.registered_count,
      myStatus: row.my_status,
      seriesId: row.series_id,
    };
  }

  view(
    row: EventRow,
    networks: Map<string, AgendaNetworkRef>,
    extra: Pick<AgendaEvent, 'canManage' | 'canRegister' | 'registrationClosed'> & { showLink: boolean },
  ): AgendaEvent {
    return {
      ...this.summary(row, networks),
      description: row.description,
      descriptionHtml: row.description ? renderMarkdown(row.description) : null,
      address: row.address,
      communeCode: row.commune_code,
      onlineUrl: extra.showLink ? row.online_url : null,
      registrationDeadline: row.registration_deadline?.toISOString() ?? null,
      questions: row.questions,
      waitlistCount: row.waitlist_count,
      myWaitlistPosition: row.my_position,
      myRegistrationId: row.my_status && row.my_status !== 'cancelled' ? row.my_id : null,
      myCheckIn: row.my_status === 'registered' && row.my_code ? myCheckIn(row.id, row.my_code) : null,
      createdBy: row.created_by_id ? { id: row.created_by_id, name: row.created_by_name ?? '' } : null,
      canManage: extra.canManage,
      canRegister: extra.canRegister,
      registrationClosed: extra.registrationClosed,
    };
  }
}
