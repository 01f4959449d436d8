import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AgendaNotifier } from './agenda-notifier';

const TICK_MS = 5 * 60 * 1000;
const BATCH = 50;

/**
 * The reminders 24 hours before an event: a background job (every replica runs it) that claims the due
 * events with `FOR UPDATE SKIP LOCKED`, notifies their registered people and marks the events as
 * reminded, in one transaction: a replica never reminds twice, and a failure leaves the events to the next tick.
 */
@Injectable()
export class AgendaRemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Agenda');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly notifier: AgendaNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    // Tests drive the job by calling runReminders themselves.
    if (this.config.NODE_ENV === 'test') return;
    this.timer = setInterval(() => {
      void this.runReminders(new Date()).catch((error) => this.logger.error(`Reminders failed: ${(error as Error).message}`));
    }, TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  /** Reminds the people registered for the published events starting within 24 hours of `now`; returns how many events were handled. */
  async runReminders(now: Date): Promise<number> {
    let handled = 0;
    for (;;) {
      const count = await this.db.transaction(async (tx) => {
        const due: { id: string }[] = await tx.query(
          `SELECT id FROM agenda_events WHERE status = 'published' AND reminder_sent_at IS NULL
             AND starts_at > $1::timestamptz AND starts_at <= $1::timestamptz + interval '24 hours'
           ORDER BY starts_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [now],
        );
        for (const { id } of due) {
          const people: { person_id: string }[] = await tx.query("SELECT person_id FROM agenda_registrations WHERE event_id = $1 AND status = 'registered'", [id]);
          await this.notifier.tellAbout(
            tx,
            'agenda.reminder',
            id,
            people.map((p) => p.person_id),
            null,
          );
          await tx.query('UPDATE agenda_events SET reminder_sent_at = $2 WHERE id = $1', [id, now]);
        }
        return due.length;
      });
      handled += count;
      if (count < BATCH) return handled;
    }
  }
}
