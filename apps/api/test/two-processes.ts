import { createTestApp, type TestApp } from './test-app';

/**
 * Declares `title` for two API processes on one PostgreSQL database, fanned out by Redis
 * (TEST_REDIS_URL, default 127.0.0.1:6379). PGlite is one in-process database per test run: there
 * the suite is not declared, and says why.
 */
export interface TwoProcesses {
  first: TestApp;
  second: TestApp;
  /**
   * Stops the second process (its sockets drop, requests under way fail) and starts a new one on the same
   * database and Redis, on another port; `second` is the new one once this resolves. The first one owns the database.
   */
  restartSecond(): Promise<TestApp>;
}

export function describeAcrossTwoProcesses(title: string, body: (apps: () => TwoProcesses) => void): void {
  if (process.env.TEST_DB === 'pglite') {
    console.log(`${title} not run on PGlite: it needs two apps on one PostgreSQL database (run it with TEST_DB=postgres).`);
    return;
  }
  describe(title, () => {
    const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    let first: TestApp;
    let second: TestApp;
    beforeAll(async () => {
      first = await createTestApp({ REDIS_URL });
      second = await createTestApp({ REDIS_URL, DATABASE_URL: first.running.databaseUrl });
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
    });
    const restartSecond = async () => {
      await second.close();
      second = await createTestApp({ REDIS_URL, DATABASE_URL: first.running.databaseUrl });
      return second;
    };
    body(() => ({ first, second, restartSecond }));
  });
}
