import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { JobRunner } from './job-runner';

/**
 * Two runners (two replicas: each its own connection pool) on one PostgreSQL database. PostgreSQL only (the
 * `.postgres.` in the file name): PGlite serves a single connection, so there is no second replica to race.
 */
describe('JobRunner on two replicas', () => {
  let app: TestApp;
  let other: DataSource;
  let a: JobRunner;
  let b: JobRunner;

  beforeAll(async () => {
    app = await createTestApp();
    other = new DataSource({ type: 'postgres', url: app.running.databaseUrl, poolSize: 5 });
    await other.initialize();
  });

  afterAll(async () => {
    await other?.destroy();
    await app?.close();
  });

  beforeEach(async () => {
    a = new JobRunner(app.db, 20);
    b = new JobRunner(other, 20);
    await app.db.query('DELETE FROM jobs');
    await app.db.query('DELETE FROM job_schedules');
  });

  afterEach(async () => {
    await Promise.all([a.beforeApplicationShutdown(), b.beforeApplicationShutdown()]);
  });

  it('does each queued job once, shared between both replicas', async () => {
    const done: string[] = [];
    const by = { a: 0, b: 0 };
    for (const [runner, key] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      runner.handle<{ n: number }>({
        name: 'test.work',
        run: async ({ n }) => {
          // A little work, so that both replicas are busy at once.
          await new Promise((r) => setTimeout(r, 2));
          done.push(String(n));
          by[key]++;
        },
      });
    }
    await app.db.transaction(async (tx) => {
      for (let n = 0; n < 300; n++) await a.enqueue(tx, 'test.work', { n });
    });
    a.onApplicationBootstrap();
    b.onApplicationBootstrap();
    const deadline = Date.now() + 30_000;
    while (done.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(done.length).toBe(300);
    expect(new Set(done).size).toBe(300);
    expect(by.a).toBeGreaterThan(0);
    expect(by.b).toBeGreaterThan(0);
    expect(await app.db.query('SELECT count(*)::int AS n FROM jobs')).toEqual([{ n: 0 }]);
  });

  it('retakes the job of a replica that died once its lease lapsed', async () => {
    const seen: number[] = [];
    a.handle({ name: 'test.lease', leaseMs: 300, run: async () => void seen.push(1) });
    const id = await a.enqueue(app.db, 'test.lease', {});
    // Replica b claimed it and died before finishing: the row stays `running` with its lease.
    await app.db.query(
      `UPDATE jobs SET status = 'running', attempts = 1, lease_until = now() + interval '300 milliseconds' WHERE id = $1`,
      [id],
    );
    expect(await a.workQueue()).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(await a.workQueue()).toBe(1);
    expect(seen).toEqual([1]);
    expect(await app.db.query('SELECT id FROM jobs')).toEqual([]);
  });

  it('retries a failing job with a growing delay, then keeps it as failed with its error', async () => {
    let calls = 0;
    a.handle({
      name: 'test.fail',
      maxAttempts: 3,
      backoffMs: 100,
      run: async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
    });
    const id = await a.enqueue(app.db, 'test.fail', {});
    const runAt = async () =>
      ((await app.db.query('SELECT extract(epoch FROM run_at - now())::float8 AS s FROM jobs WHERE id = $1', [id])) as { s: number }[])[0]
        .s;
    expect(await a.workQueue()).toBe(1);
    const first = await runAt();
    expect(first).toBeGreaterThan(0.05);
    // Not due yet: nothing runs.
    expect(await a.workQueue()).toBe(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(await a.workQueue()).toBe(1);
    expect(await runAt()).toBeGreaterThan(first);
    await new Promise((r) => setTimeout(r, 250));
    expect(await a.workQueue()).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await a.workQueue()).toBe(0);
    expect(calls).toBe(3);
    expect(await app.db.query('SELECT status, attempts, last_error FROM jobs WHERE id = $1', [id])).toEqual([
      { status: 'failed', attempts: 3, last_error: 'boom 3' },
    ]);
  });

  it('runs a periodic job on one replica at a time, once per period', async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    for (const runner of [a, b]) {
      runner.every({
        name: 'test.tick',
        everyMs: 60_000,
        run: async () => {
          runs++;
          most = Math.max(most, ++concurrent);
          await new Promise((r) => setTimeout(r, 50));
          concurrent--;
        },
      });
    }
    const results = await Promise.all([
      a.runPeriodic('test.tick'),
      b.runPeriodic('test.tick'),
      a.runPeriodic('test.tick'),
      b.runPeriodic('test.tick'),
    ]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(runs).toBe(1);
    expect(most).toBe(1);
    // Within the period the other replica skips it; forced (a kick), it runs, still one at a time.
    expect((await b.runPeriodic('test.tick')).ran).toBe(false);
    expect((await b.runPeriodic('test.tick', { force: true })).ran).toBe(true);
    expect(runs).toBe(2);
  });

  it('hands a periodic job over when the replica holding it died', async () => {
    let runs = 0;
    b.every({ name: 'test.held', everyMs: 100, leaseMs: 200, run: async () => void runs++ });
    // Replica a claimed it and died: its lease stands for a moment.
    await app.db.query(
      `INSERT INTO job_schedules (name, next_run_at, lease_until) VALUES ('test.held', now(), now() + interval '200 milliseconds')`,
    );
    expect((await b.runPeriodic('test.held')).ran).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect((await b.runPeriodic('test.held')).ran).toBe(true);
    expect(runs).toBe(1);
  });

  it('finishes the runs under way at shutdown and starts no more', async () => {
    let finished = 0;
    let started = 0;
    a.every({
      name: 'test.slow',
      everyMs: 30,
      everyReplica: true,
      firstDelayMs: 0,
      run: async () => {
        started++;
        await new Promise((r) => setTimeout(r, 150));
        finished++;
      },
    });
    a.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 50));
    await a.beforeApplicationShutdown();
    expect(started).toBe(1);
    expect(finished).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(started).toBe(1);
  });
});
