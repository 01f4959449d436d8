import { loadConfig } from '../config/config';
import { createApp } from '../bootstrap';
import { seedDemo } from './seed';

/** `npm run seed -- --companies 200000`: adds generated companies (and their people) to the database. */
async function main() {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    const n = i >= 0 ? Number(args[i + 1]) : fallback;
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} takes a whole number`);
    return n;
  };
  const companies = value('--companies', 2000);
  const running = await createApp({ ...loadConfig(), SEED_DEMO: false }, { logger: false });
  try {
    const db = running.app.get((await import('typeorm')).DataSource);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM companies');
    const [{ p }] = await db.query('SELECT count(*)::int AS p FROM people');
    const started = Date.now();
    await seedDemo(db, { companies, offset: n + 1, withFoundation: p === 0 }, (m) => process.stdout.write(`\r${m}`));
    console.log(`\n${companies} companies added in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await running.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
