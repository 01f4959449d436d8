import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/** Work done every `everyMs` (README.md). `run` answers true when more is waiting: it runs again at once. */
export interface PeriodicJob {
  name: string;
  /** 0: never on a timer (tests call the service themselves, or the feature is switched off). */
  everyMs: number;
  run: (now: Date) => Promise<boolean | void>;
  /** Every replica runs it (the work claims its own rows with SKIP LOCKED); by default one replica at a time. */
  everyReplica?: boolean;
  /** The first run after start-up (default: one period). */
  firstDelayMs?: number;
  /** How long a replica holds a one-at-a-time job before another may take it over (default 10 minutes). */
  leaseMs?: number;
}

/** Handles one queued job; throwing retries it later (with backoff) until `maxAttempts`, then it is kept as failed. */
export interface QueueHandler<P = unknown> {
  name: string;
  /** `last`: no attempt follows if this one throws (the handler may record the failure on its own rows). */
  run: (payload: P, attempt: { attempt: number; last: boolean }) => Promise<void>;
  maxAttempts?: number;
  /** First retry delay, doubled at each attempt (default 30 s). */
  backoffMs?: number;
  /** A claim older than this is a crashed replica's: the job is taken again (default 5 minutes). */
  leaseMs?: number;
}

interface Claimed {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const DEFAULT_LEASE_MS = 10 * 60_000;
const QUEUE_BATCH = 20;

/**
 * The one background job runner: periodic jobs on timers and queued jobs in the `jobs` table, both safe on several
 * API replicas sharing one database (PostgreSQL or PGlite: plain SQL, no LISTEN nor advisory locks). Stopped at
 * shutdown: no new run starts, the runs under way finish before the database closes.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly periodic = new Map<string, PeriodicJob>();
  private readonly handlers = new Map<string, QueueHandler<never>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly kicked = new Set<string>();
  private started = false;
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    /** How often queued jobs are looked for; 0: only when kicked (kickQueue). */
    private readonly queuePollMs = 1000,
  ) {}

  every(job: PeriodicJob): void {
    this.periodic.set(job.name, job);
    if (this.started) this.arm(job.name, job.firstDelayMs ?? job.everyMs);
  }

  handle<P>(handler: QueueHandler<P>): void {
    this.handlers.set(handler.name, handler as QueueHandler<never>);
    if (this.started && !this.timers.has('queue')) this.arm('queue', 0);
  }

  /** Queues a job; pass the transaction of the change that asks for it, so that both happen or neither. */
  async enqueue(db: Db, name: string, payload: unknown = {}, options: { runAt?: Date; maxAttempts?: number } = {}): Promise<string> {
    const max = options.maxAttempts ?? this.handlers.get(name)?.maxAttempts ?? 5;
    const [row]: { id: string }[] = await db.query(
      'INSERT INTO jobs (name, payload, run_at, max_attempts) VALUES ($1, $2, coalesce($3, now()), $4) RETURNING id',
      [name, JSON.stringify(payload), options.runAt ?? null, max],
    );
    return row.id;
  }

  onApplicationBootstrap(): void {
    this.started = true;
    for (const job of this.periodic.values()) this.arm(job.name, job.firstDelayMs ?? job.everyMs);
    if (this.handlers.size) this.arm('queue', 0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running.values()].map((p) => p.catch(() => undefined)));
  }

  /** Runs a periodic job soon rather than at its next tick (something was just asked for). */
  kick(name: string): void {
    if (!this.started || (this.periodic.get(name)?.everyMs ?? 0) <= 0) return;
    if (this.running.has(name)) this.kicked.add(name);
    else this.arm(name, 0, true);
  }

  /** Looks for queued jobs now (one was just queued) rather than at the next poll. */
  kickQueue(): void {
    if (!this.started || !this.handlers.size) return;
    if (this.running.has('queue')) this.kicked.add('queue');
    else this.arm('queue', 0, true);
  }

  /**
   * One run of a periodic job, if due and not held by another replica (`force`: due now); false when skipped.
   * The claim is one UPDATE on the job's schedule row: of two replicas, one gets the row, the other none.
   */
  async runPeriodic(name: string, options: { force?: boolean; now?: Date } = {}): Promise<{ ran: boolean; more: boolean }> {
    const job = this.periodic.get(name);
    if (!job) throw new Error(`No periodic job ${name}`);
    if (!job.everyReplica) {
      await this.db.query('INSERT INTO job_schedules (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
      const [claimed]: [unknown[]] = await this.db.query(
        `UPDATE job_schedules SET lease_until = now() + make_interval(secs => $2::float8 / 1000), next_run_at = now() + make_interval(secs => $3::float8 / 1000)
         WHERE name = $1 AND (next_run_at <= now() OR $4) AND (lease_until IS NULL OR lease_until < now()) RETURNING name`,
        [name, job.leaseMs ?? DEFAULT_LEASE_MS, job.everyMs, options.force === true],
      );
      if (!claimed.length) return { ran: false, more: false };
    }
    let more = false;
    let error: string | null = null;
    try {
      more = (await job.run(options.now ?? new Date())) === true;
    } catch (err) {
      error = String((err as Error).message).slice(0, 500);
      this.logger.error(`${name} failed: ${error}`);
    }
    if (!job.everyReplica) {
      await this.db.query(
        `UPDATE job_schedules SET lease_until = NULL, last_run_at = now(), last_error = $2, next_run_at = CASE WHEN $3 THEN now() ELSE next_run_at END WHERE name = $1`,
        [name, error, more],
      );
    }
    return { ran: true, more };
  }

  /** Claims and runs the due queued jobs (at most `limit`); returns how many ran. */
  async workQueue(limit = QUEUE_BATCH): Promise<number> {
    const names = [...this.handlers.keys()];
    if (!names.length) return 0;
    // A job whose last attempt's replica died (lease lapsed) with no attempt left is recorded as failed.
    await this.db.query(
      `UPDATE jobs SET status = 'failed', lease_until = NULL, last_error = 'lease expired' WHERE status = 'running' AND lease_until < now() AND attempts >= max_attempts AND name = ANY($1)`,
      [names],
    );
    const leases = names.map((n) => this.handlers.get(n)?.leaseMs ?? DEFAULT_LEASE_MS / 2);
    const [claimed]: [Claimed[]] = await this.db.query(
      `UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, lease_until = now() + make_interval(secs => l.ms / 1000)
       FROM unnest($1::text[], $2::float8[]) AS l(name, ms)
       WHERE j.name = l.name AND j.id IN (
         SELECT id FROM jobs WHERE name = ANY($1) AND attempts < max_attempts
           AND ((status = 'pending' AND run_at <= now()) OR (status = 'running' AND lease_until < now()))
         ORDER BY run_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING j.id, j.name, j.payload, j.attempts, j.max_attempts`,
      [names, leases, limit],
    );
    for (const job of claimed) {
      if (this.stopping) {
        await this.db.query(`UPDATE jobs SET status = 'pending', attempts = attempts - 1, lease_until = NULL WHERE id = $1`, [job.id]);
        continue;
      }
      const handler = this.handlers.get(job.name);
      if (!handler) continue;
      try {
        await handler.run(job.payload as never, { attempt: job.attempts, last: job.attempts >= job.max_attempts });
        await this.db.query('DELETE FROM jobs WHERE id = $1', [job.id]);
      } catch (err) {
        const message = String((err as Error).message).slice(0, 500);
        const delay = (handler.backoffMs ?? 30_000) * 2 ** (job.attempts - 1);
        await this.db.query(
          `UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END, lease_until = NULL, last_error = $2,
             run_at = now() + make_interval(secs => $3::float8 / 1000) WHERE id = $1`,
          [job.id, message, delay],
        );
        this.logger.warn(`${job.name} attempt ${job.attempts}/${job.max_attempts} failed: ${message}`);
      }
    }
    return claimed.length;
  }

  /** Runs a timer's work once, then sets the timer again: at once when more is waiting, else after the period. */
  private arm(key: string, delay: number, force = false): void {
    if (this.stopping) return;
    const period = key === 'queue' ? this.queuePollMs : (this.periodic.get(key)?.everyMs ?? 0);
    if (period <= 0 && !force) return;
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const work =
        key === 'queue'
          ? this.workQueue().then((n) => ({ more: n >= QUEUE_BATCH }))
          : this.runPeriodic(key, { force }).then((r) => ({ more: r.more }));
      const run = work
        .catch((err) => (this.logger.error(`${key}: ${(err as Error).message}`), { more: false }))
        .then(({ more }) => {
          this.running.delete(key);
          if (this.kicked.delete(key)) more = true;
          if (!this.timers.has(key)) this.arm(key, more ? 0 : period, more);
        });
      this.running.set(key, run);
    }, delay);
    timer.unref();
    this.timers.set(key, timer);
  }
}
