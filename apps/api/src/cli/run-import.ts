import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { createApp } from '../bootstrap';
import { SearchIndexer } from '../core/search/search-indexer.service';
import type { ImportOptions, ImportReport } from '../modules/directory/directory.imports';

type Importer = (
  db: DataSource,
  indexer: SearchIndexer,
  input: Readable,
  options: ImportOptions,
) => Promise<ImportReport & { rejectedCount: number }>;

/** Shared by `npm run import:geo` and `import:sirene`: a progress bar on stdout, each rejected line on stderr. */
export async function runImport(title: string, importer: Importer): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error(`Usage: npm run ${title} -- <file.csv>`);
  const size = statSync(file).size;
  const running = await createApp({ ...loadConfig(), SEED_DEMO: false, SEARCH_RELAY_INTERVAL_MS: 0, LOG_LEVEL: 'warn' }, { logger: false });
  // Opened once the application is up: a stream that flows before the parser reads it loses its data.
  const input = createReadStream(file);
  const started = Date.now();
  try {
    const indexer = running.app.get(SearchIndexer);
    const bar = (r: ImportReport & { rejectedCount?: number }) => {
      const ratio = size ? Math.min(1, input.bytesRead / size) : 1;
      const filled = Math.round(ratio * 30);
      process.stdout.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${(ratio * 100).toFixed(0).padStart(3)} %  ${r.read} lines, ${r.imported} imported, ${r.skipped} skipped, ${r.rejectedCount ?? r.rejected.length} rejected`,
      );
    };
    const report = await importer(running.app.get(DataSource), indexer, input, {
      onProgress: bar,
      onReject: (line, reason) => process.stderr.write(`\nline ${line}: ${reason}\n`),
      keepRejections: 0,
    });
    bar(report);
    const extra = 'companiesLocated' in report ? `, ${String(report.companiesLocated)} companies located` : '';
    console.log(
      `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.read} lines, ${report.imported} imported, ${report.skipped} skipped, ${report.rejectedCount} rejected${extra}`,
    );
    process.stdout.write('Updating the search index… ');
    await indexer.drain();
    console.log('done');
  } finally {
    await running.close();
  }
}
