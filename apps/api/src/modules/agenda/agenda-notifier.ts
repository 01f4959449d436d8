import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formatCheckInCode, type Locale, type NotificationType } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import { MailService } from '../../core/mail/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import { inParis } from './agenda-time';
import { registrationConfirmedMail } from './agenda.mail-templates';
import { myCheckIn } from './agenda.repository';

/** The event's path in the web app. */
export const eventPath = (id: string) => `/evenements/${id}`;

/**
 * Waitlist promotion and the agenda's notifications. Everything runs in the caller's transaction (the
 * event's row is locked by then); the payload carries the title, network and time, never the online link.
 */
@Injectable()
export class AgendaNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The confirmation e-mail of people who got a seat, with their check-in code and its QR code (an image served from
   * the code's address, since mail clients block inline data images), in the caller's transaction.
   */
  async confirm(tx: EntityManager, eventId: string, personIds: readonly string[]): Promise<void> {
    if (!personIds.length) return;
    const rows: { email: string; first_name: string; locale: Locale; code: string; title: string; starts_at: Date; network: string }[] =
      await tx.query(
        `SELECT p.email, p.first_name, p.locale, r.check_in_code AS code, e.title, e.starts_at, n.name AS network
       FROM agenda_registrations r JOIN people p ON p.id = r.person_id JOIN agenda_events e ON e.id = r.event_id JOIN networks n ON n.id = e.network_id
       WHERE r.event_id = $1 AND r.person_id = ANY($2::uuid[]) AND r.status = 'registered' AND p.email IS NOT NULL`,
        [eventId, personIds],
      );
    const url = (path: string) => new URL(path, this.config.PUBLIC_URL).toString();
    for (const r of rows) {
      await this.mail.send(
        {
          to: r.email,
          locale: r.locale,
          template: registrationConfirmedMail,
          data: {
            firstName: r.first_name,
            event: r.title,
            network: r.network,
            when: inParis(r.starts_at).format('DD/MM/YYYY HH:mm'),
            code: formatCheckInCode(r.code),
            qrImageUrl: url(myCheckIn(eventId, r.code).qrUrl),
            link: url(eventPath(eventId)),
            icsUrl: url(`/api/v1/agenda/events/${eventId}/event.ics`),
          },
        },
        tx,
      );
    }
  }

  /** Tells the members of the event's network that it is published (`network.new_event`; each one's level for the network decides). */
  async announceNew(tx: EntityManager, eventId: string, actorId: string): Promise<void> {
    const [event]: { id: string; network_id: string; title: string; starts_at: Date; network: string }[] = await tx.query(
      `SELECT e.id, e.network_id, e.title, e.starts_at, n.name AS network FROM agenda_events e JOIN networks n ON n.id = e.network_id WHERE e.id = $1`,
      [eventId],
    );
    await this.notifications.notify(tx, {
      type: 'network.new_event',
      recipients: await this.access.networkMemberIds(event.network_id, tx),
      actorId,
      subject: { kind: 'agenda_event', id: event.id, networkId: event.network_id },
      data: { title: event.title, network: event.network, when: inParis(event.starts_at).format('DD/MM/YYYY HH:mm') },
      path: eventPath(event.id),
    });
  }

  /** Moves the first waitlisted people into the free seats (oldest first) and tells them. Returns who was promoted. */
  async promote(tx: EntityManager, eventId: string): Promise<string[]> {
    const [event]: { status: string; capacity: number | null; registered: number }[] = await tx.query(
      `SELECT e.status, e.capacity, (SELECT count(*)::int FROM agenda_registrations r WHERE r.event_id = e.id AND r.status = 'registered') AS registered
       FROM agenda_events e WHERE e.id = $1`,
      [eventId],
    );
    if (!event || event.status !== 'published') return [];
    const free = event.capacity === null ? null : event.capacity - event.registered;
    if (free !== null && free <= 0) return [];
    // UPDATE … RETURNING answers [rows, affected] through TypeORM.
    const [rows]: [{ person_id: string }[]] = await tx.query(
      `UPDATE agenda_registrations SET status = 'registered', updated_at = now() WHERE id IN (
         SELECT id FROM agenda_registrations WHERE event_id = $1 AND status = 'waitlisted' ORDER BY queued_at, id LIMIT $2)
       RETURNING person_id`,
      [eventId, free],
    );
    const promoted = rows.map((r) => r.person_id);
    if (promoted.length) {
      await this.tellAbout(tx, 'agenda.promoted', eventId, promoted, null);
      await this.confirm(tx, eventId, promoted);
    }
    return promoted;
  }

  /** Tells people about an event (the notification service checks through the policy that each of them still sees it). */
  async tellAbout(
    tx: EntityManager,
    type: NotificationType,
    eventId: string,
    recipients: readonly string[],
    actorId: string | null,
  ): Promise<string[]> {
    if (!recipients.length) return [];
    const [event]: { id: string; network_id: string; title: string; starts_at: Date; network: string }[] = await tx.query(
      `SELECT e.id, e.network_id, e.title, e.starts_at, n.name AS network FROM agenda_events e JOIN networks n ON n.id = e.network_id WHERE e.id = $1`,
      [eventId],
    );
    const result = await this.notifications.notify(tx, {
      type,
      recipients,
      actorId,
      subject: { kind: 'agenda_event', id: event.id, networkId: event.network_id },
      data: { event: event.title, network: event.network, when: inParis(event.starts_at).format('DD/MM/YYYY HH:mm') },
      path: eventPath(event.id),
    });
    return result.notified;
  }
}
