import { loadConfig } from '../config/config';
import { createApp } from '../bootstrap';
import { SearchIndexer } from '../core/search/search-indexer.service';
import type { SearchKind } from '../core/search/search.types';

/** `npm run reindex [-- company expert]`: rebuilds the search index of every kind (or the given ones), with progress. */
async function main() {
  const kinds = process.argv.slice(2).filter((a) => !a.startsWith('-')) as SearchKind[];
  const running = await createApp({ ...loadConfig(), SEED_DEMO: false, SEARCH_RELAY_INTERVAL_MS: 0, LOG_LEVEL: 'warn' }, { logger: false });
  try {
    const indexer = running.app.get(SearchIndexer);
    const unknown = kinds.filter((k) => !indexer.kinds.includes(k));
    if (unknown.length) throw new Error(`Unknown kind(s): ${unknown.join(', ')} (known: ${indexer.kinds.join(', ')})`);
    const started = Date.now();
    let last = 0;
    const finished = new Map<string, number>();
    const counts = await indexer.reindex({
      kinds: kinds.length ? kinds : undefined,
      progress: (kind, done) => {
        finished.set(kind, done);
        if (Date.now() - last < 200) return;
        last = Date.now();
        const all = [...finished.values()].reduce((a, b) => a + b, 0);
        const rate = Math.round(all / Math.max(0.001, (Date.now() - started) / 1000));
        process.stdout.write(`\r${indexer.engine.name}: ${kind} ${done} documents, ${all} in all (${rate}/s)   `);
      },
    });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `\nReindexed ${JSON.stringify(counts)}: ${total} documents in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} documents/s)`,
    );
  } finally {
    await running.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
