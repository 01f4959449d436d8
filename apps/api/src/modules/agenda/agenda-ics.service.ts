import { Inject, Injectable } from '@nestjs/common';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { escape, ICalEventStatus } from 'ical-generator';
import { DataSource } from 'typeorm';
import { AGENDA_TIME_ZONE, formatCheckInCode, type AgendaFeedStatus, type PlatformRole } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { markdownToText } from '../../core/markdown';
import { hashToken, newToken } from '../../core/auth/tokens';
import { eventPath } from './agenda-notifier';
import { myCheckIn, type EventRow } from './agenda.repository';
import { AgendaService } from './agenda.service';
import { FEED } from './agenda.errors';
import { inParis } from './agenda-time';
import { AgendaFeedToken } from './entities/agenda-feed-token.entity';

const DAY = 24 * 3600 * 1000;

/** Control characters other than line breaks have no place in a calendar (RFC 5545 forbids them in text values). */
const controls = (text: string) => text.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ');
/** A calendar text value: line breaks become the escaped "\n" of RFC 5545, so that a value never starts a new line. */
const icsText = (text: string) => escape(controls(text), false);

/** Feeds cover the past 90 days and the coming year. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 366;

export interface IcsFile {
  filename: string;
  content: string;
}

/**
 * ICS files (RFC 5545) through ical-generator, with a Europe/Paris VTIMEZONE: times are written as
 * Paris wall-clock times with TZID, which calendar clients convert correctly across daylight saving.
 * The online link is written only where the person it is for may see it.
 */
@Injectable()
export class AgendaIcsService {
  constructor(
    private readonly db: DataSource,
    private readonly events: AgendaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One event, for the caller (the link when they are registered or manage it). */
  async event(actor: MaybeActor, id: string): Promise<IcsFile> {
    const ctx = await this.events.context(actor, id);
    const view = await this.events.viewOf(actor, ctx);
    return { filename: `evenement-${id.slice(0, 8)}.ics`, content: this.calendar(view.title, [ctx.row], () => view.onlineUrl !== null) };
  }

  /** A network's feed: the published events the caller may see (anonymous calendar clients: public networks), never a link. */
  async network(actor: MaybeActor, networkId: string): Promise<IcsFile> {
    await this.events.networkStanding(actor, networkId);
    const [{ name, slug }]: { name: string; slug: string }[] = await this.db.query('SELECT name, slug FROM networks WHERE id = $1', [
      networkId,
    ]);
    const rows = await this.events.rows(actor, { networkId }, ...this.window());
    // A network's feed is meant to be shared: never the reader's own check-in code.
    const published = rows.filter((r) => r.status === 'published' || r.status === 'cancelled').map((r) => ({ ...r, my_code: null }));
    return { filename: `agenda-${slug}.ics`, content: this.calendar(name, published, () => false) };
  }

  /** The personal feed of a token's holder: the events of their networks and those they registered for. */
  async personal(file: string): Promise<IcsFile> {
    const token = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file)?.[1];
    if (!token) throw AppException.notFound(FEED);
    const [person]: { id: string; platform_role: PlatformRole }[] = await this.db.query(
      'SELECT p.id, p.platform_role FROM agenda_feed_tokens t JOIN people p ON p.id = t.person_id WHERE t.token_hash = $1',
      [hashToken(token)],
    );
    if (!person) throw AppException.notFound(FEED);
    const actor: Actor = { personId: person.id, platformRole: person.platform_role };
    const rows = await this.events.rows(actor, { scope: 'mine' }, ...this.window());
    return { filename: 'mon-agenda.ics', content: this.calendar('Mon agenda Maillage', rows, (row) => row.my_status === 'registered') };
  }

  private window(): [Date, Date] {
    const now = Date.now();
    return [new Date(now - FEED_PAST_DAYS * DAY), new Date(now + FEED_FUTURE_DAYS * DAY)];
  }

  private calendar(name: string, rows: EventRow[], showLink: (row: EventRow) => boolean): string {
    // ical-generator escapes event properties but writes the calendar's NAME / X-WR-CALNAME as given.
    const cal = ical({
      name: icsText(name),
      prodId: { company: 'Maillage', product: 'agenda', language: 'FR' }, // No calendar-wide zone: DTSTAMP stays in UTC (RFC 5545); each event's TZID brings its VTIMEZONE.
      timezone: { name: null, generator: getVtimezoneComponent },
    });
    for (const row of rows) {
      const link = showLink(row) ? row.online_url : null;
      const url = new URL(eventPath(row.id), this.config.PUBLIC_URL).toString();
      // The calendar's owner is registered: their check-in code and its QR code (the rows carry the reader's registration).
      const qr =
        row.my_status === 'registered' && row.my_code
          ? new URL(myCheckIn(row.id, row.my_code).qrUrl, this.config.PUBLIC_URL).toString()
          : null;
      const checkIn = qr && row.my_code ? `Code de présence / check-in code : ${formatCheckInCode(row.my_code)}\nQR code : ${qr}` : null;
      const description = [row.description ? markdownToText(row.description, 2000) : null, link, checkIn, url].filter(Boolean).join('\n\n');
      cal.createEvent({
        id: `${row.id}@maillage`,
        start: inParis(row.starts_at),
        end: inParis(row.ends_at),
        timezone: AGENDA_TIME_ZONE,
        summary: controls(row.title),
        description: controls(description),
        location: row.format === 'in_person' ? row.address && controls(row.address) : link,
        url,
        status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        attachments: qr ? [qr] : [],
      });
    }
    return cal.toString();
  }

  // ---------- the personal feed's address ----------

  async feedStatus(actor: Actor): Promise<AgendaFeedStatus> {
    const row = await this.db.manager.findOneBy(AgendaFeedToken, { personId: actor.personId });
    return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null };
  }

  /** A new private address (the previous one stops working); the token is only shown in this answer. */
  async regenerateFeed(actor: Actor): Promise<AgendaFeedStatus> {
    const { token, hash } = newToken();
    await this.db.manager.upsert(AgendaFeedToken, { personId: actor.personId, tokenHash: hash, createdAt: new Date() }, ['personId']);
    return { ...(await this.feedStatus(actor)), url: new URL(`/api/v1/agenda/feed/${token}.ics`, this.config.PUBLIC_URL).toString() };
  }

  async revokeFeed(actor: Actor): Promise<void> {
    await this.db.manager.delete(AgendaFeedToken, { personId: actor.personId });
  }
}
