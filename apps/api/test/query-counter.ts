import type { DataSource, Logger } from 'typeorm';

/**
 * The SQL statements the app runs on its DataSource while `fn` runs (test-only). TypeORM reports every
 * statement to `dataSource.logger.logQuery` whatever the logging option: it is wrapped for the duration.
 * Run nothing else against the app meanwhile.
 */
export async function recordQueries<T>(db: DataSource, fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const logger = db.logger;
  const queries: string[] = [];
  const spy: Logger = Object.create(logger);
  spy.logQuery = (query, parameters, runner) => {
    queries.push(query.replace(/\s+/g, ' ').trim());
    return logger.logQuery(query, parameters, runner);
  };
  (db as { logger: Logger }).logger = spy;
  try {
    return { result: await fn(), queries };
  } finally {
    (db as { logger: Logger }).logger = logger;
  }
}
