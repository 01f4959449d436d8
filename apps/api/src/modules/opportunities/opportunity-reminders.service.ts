import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { inClaimedBatches } from '../../core/jobs/claimed-batches';
import { JobRunner } from '../../core/jobs/job-runner';
import { OpportunityNotifier } from './opportunity-notifier';
import { parisToday } from './opportunity-views';

const TICK_MS = 15 * 60 * 1000;
/** Responders are reminded this many days before the deadline. */
export const REMINDER_DAYS = 3;

/** Deadline reminders to responders: a periodic job notifying once about each open opportunity due within REMINDER_DAYS. */
@Injectable()
export class OpportunityRemindersService {
  constructor(
    private readonly db: DataSource,
    private readonly notifier: OpportunityNotifier,
    jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Tests drive the job by calling runReminders themselves.
    jobs.every({
      name: 'opportunities.reminders',
      everyMs: config.NODE_ENV === 'test' ? 0 : TICK_MS,
      run: (now) => this.runReminders(now).then(() => undefined),
    });
  }

  /** Reminds the responders of the open opportunities due within REMINDER_DAYS of `now`; returns how many were handled. */
  runReminders(now: Date): Promise<number> {
    return inClaimedBatches(
      this.db,
      `SELECT id FROM opportunities WHERE status = 'open' AND hidden_at IS NULL AND deadline_reminded_at IS NULL
         AND deadline >= $1::date AND deadline <= $1::date + $2::int
       ORDER BY deadline, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [parisToday(now), REMINDER_DAYS],
      async (tx, id) => {
        await this.notifier.deadlineNear(tx, id);
        await tx.query('UPDATE opportunities SET deadline_reminded_at = $2 WHERE id = $1', [id, now]);
      },
    );
  }
}
