import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { inClaimedBatches } from '../../core/jobs/claimed-batches';
import { JobRunner } from '../../core/jobs/job-runner';
import { AgendaNotifier } from './agenda-notifier';

const TICK_MS = 5 * 60 * 1000;

/** The reminders 24 hours before an event: a periodic job notifying the registered people of each due event once. */
@Injectable()
export class AgendaRemindersService {
  constructor(
    private readonly db: DataSource,
    private readonly notifier: AgendaNotifier,
    jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Tests drive the job by calling runReminders themselves.
    jobs.every({
      name: 'agenda.reminders',
      everyMs: config.NODE_ENV === 'test' ? 0 : TICK_MS,
      run: (now) => this.runReminders(now).then(() => undefined),
    });
  }

  /** Reminds the people registered for the published events starting within 24 hours of `now`; returns how many events were handled. */
  runReminders(now: Date): Promise<number> {
    return inClaimedBatches(
      this.db,
      `SELECT id FROM agenda_events WHERE status = 'published' AND reminder_sent_at IS NULL
         AND starts_at > $1::timestamptz AND starts_at <= $1::timestamptz + interval '24 hours'
       ORDER BY starts_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now],
      async (tx, id) => {
        const people: { person_id: string }[] = await tx.query(
          "SELECT person_id FROM agenda_registrations WHERE event_id = $1 AND status = 'registered'",
          [id],
        );
        await this.notifier.tellAbout(
          tx,
          'agenda.reminder',
          id,
          people.map((p) => p.person_id),
          null,
        );
        await tx.query('UPDATE agenda_events SET reminder_sent_at = $2 WHERE id = $1', [id, now]);
      },
    );
  }
}
