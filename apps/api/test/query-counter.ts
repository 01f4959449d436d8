import type { DataSource, Logger } from 'typeorm';

/**
 * The claims of the background workers (newsletter sender, mail outbox, job runner, search relay): they poll the same
 * DataSource on their own timers, so on a slow machine one may fall inside a measured request without being part of it.
 */
const BACKGROUND = /\b(UPDATE|FROM) (newsletters|mail_outbox|job_schedules|jobs|search_outbox)\b/i;

/**
 * The SQL statements the app runs on its DataSource while `fn` runs (test-only), background workers' claims left out.
 * TypeORM reports every statement to `dataSource.logger.logQuery` whatever the logging option: it is wrapped for the
 * duration. Run nothing else against the app meanwhile.
 */
export async function recordQueries<T>(db: DataSource, fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const logger = db.logger;
  const queries: string[] = [];
  const spy: Logger = Object.create(logger);
  spy.logQuery = (query, parameters, runner) => {
    const statement = query.replace(/\s+/g, ' ').trim();
    if (!BACKGROUND.test(statement)) queries.push(statement);
    return logger.logQuery(query, parameters, runner);
  };
  (db as { logger: Logger }).logger = spy;
  try {
    return { result: await fn(), queries };
  } finally {
    (db as { logger: Logger }).logger = logger;
  }
}
