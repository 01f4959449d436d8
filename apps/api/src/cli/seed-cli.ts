import { loadConfig } from '../config/config';
import { createApp } from '../bootstrap';
import { SearchIndexer } from '../core/search/search-indexer.service';
import { seedForumVolume } from '../seed/forum-volume';
import { seedDemo } from '../seed/seed';
import { SteeringRefreshService } from '../modules/steering/steering-refresh.service';

/**
 * `npm run seed -- --companies 200000 [--no-index]`: adds generated companies (and their people,
 * offers and needs) to the database, then rebuilds the search index unless --no-index.
 * `--forum-networks N --forum-posts M` then adds N networks with forums holding M posts (benchmarks).
 */
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
    const forumNetworks = value('--forum-networks', 0);
    if (forumNetworks > 0) {
      const forumStarted = Date.now();
      const posts = value('--forum-posts', forumNetworks * 500);
      await seedForumVolume(db, { networks: forumNetworks, posts }, (m) => process.stdout.write(`\r${m}`));
      console.log(`\n${forumNetworks} networks with ${posts} forum posts added in ${((Date.now() - forumStarted) / 1000).toFixed(1)} s`);
    }
    // Fresh planner statistics after a bulk load (autovacuum would get there later; plans chosen before are poor).
    await db.query('ANALYZE');
    // The steering aggregates over the whole history (the data may be older than the job's usual window).
    await running.app.get(SteeringRefreshService).refresh(new Date(), { full: true });
    if (args.includes('--no-index')) {
      console.log('Search index not rebuilt (--no-index): run npm run reindex');
    } else {
      await running.app.get(SearchIndexer).reindex({ progress: (kind, done) => process.stdout.write(`\rindex: ${kind} ${done}`) });
      console.log('\nSearch index rebuilt');
    }
  } finally {
    await running.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
