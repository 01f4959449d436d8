import { createTestApp, type TestApp } from '../../../test/test-app';
import { loadConfig } from '../../config/config';
import { JobRunner } from '../jobs/job-runner';
import { SearchIndexer, type SearchSource } from './search-indexer.service';
import type { EngineResult, SearchDocument, SearchEngine, SearchKind } from './search.types';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An engine that records what it is asked, and fails on demand. */
class RecordingEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  calls: string[] = [];
  failWith: string | null = null;
  async init() {}
  async index(docs: SearchDocument[]) {
    if (this.failWith) throw new Error(this.failWith);
    this.calls.push(`index ${docs.map((d) => d.title).join(',')}`);
  }
  async delete(kind: SearchKind, ids: string[]) {
    if (this.failWith) throw new Error(this.failWith);
    this.calls.push(`delete ${kind} ${ids.length}`);
  }
  async clear(kind: SearchKind) {
    this.calls.push(`clear ${kind}`);
  }
  async search(): Promise<EngineResult> {
    return { hits: [], total: 0, facets: {}, relaxed: false };
  }
  async points() {
    return { total: 0, points: [] };
  }
  async suggest() {
    return {};
  }
}

describe('search outbox relay (real database, recording engine)', () => {
  let app: TestApp;
  let engine: RecordingEngine;
  let indexer: SearchIndexer;
  /** The "current rows": ids present here exist, others were deleted. */
  const current = new Map<string, string>();

  beforeAll(async () => {
    app = await createTestApp({ SEARCH_RELAY_INTERVAL_MS: 0 });
    engine = new RecordingEngine();
    indexer = new SearchIndexer(app.db, engine, new JobRunner(app.db), {
      ...loadConfig({ NODE_ENV: 'test' }),
      SEARCH_RELAY_INTERVAL_MS: 0,
    });
    const source: SearchSource = {
      kind: 'company',
      async load(ids) {
        return ids
          .filter((id) => current.has(id))
          .map((id) => ({
            kind: 'company',
            id,
            visibility: 'public',
            audience: [],
            title: current.get(id)!,
            keywords: [],
            body: '',
            facets: {},
            location: null,
            payload: {},
          }));
      },
      async ids(after, limit) {
        return [...current.keys()]
          .sort()
          .filter((id) => after === null || id > after)
          .slice(0, limit);
      },
    };
    indexer.register(source);
  });
  afterAll(() => app.close());

  it('writes outbox rows in the caller transaction only', async () => {
    await app.db
      .transaction(async (tx) => {
        await indexer.enqueue(tx, 'company', [uuid(1)]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await indexer.status()).pending).toBe(0);
  });

  it('re-reads the current rows, pushes deletions first, and empties the outbox', async () => {
    current.set(uuid(1), 'Alpha');
    current.set(uuid(2), 'Beta');
    await app.db.transaction(async (tx) => {
      await indexer.enqueue(tx, 'company', [uuid(1), uuid(2)]);
      await indexer.enqueue(tx, 'company', [uuid(1)]);
    });
    current.set(uuid(1), 'Alpha v2');
    await app.db.transaction((tx) => indexer.enqueue(tx, 'company', [uuid(3)], { priority: 0 }));
    await indexer.drain();
    expect(engine.calls).toEqual(['delete company 1', 'index Alpha v2,Beta']);
    expect(await indexer.status()).toEqual({ pending: 0, failing: 0, oldestSeconds: null });
  });

  it('keeps failed rows with their error and retries them later with backoff', async () => {
    engine.calls = [];
    engine.failWith = 'engine unreachable';
    await app.db.transaction((tx) => indexer.enqueue(tx, 'company', [uuid(2)]));
    expect(await indexer.relayOnce()).toBe(1);
    const [row] = await app.db.query('SELECT attempts, last_error, due_at > now() AS later FROM search_outbox');
    expect(row).toEqual({ attempts: 1, last_error: 'engine unreachable', later: true });
    expect(await indexer.relayOnce()).toBe(0);
    expect((await indexer.status()).failing).toBe(1);

    engine.failWith = null;
    await app.db.query('UPDATE search_outbox SET due_at = now()');
    await indexer.drain();
    expect(engine.calls).toEqual(['index Beta']);
    expect((await indexer.status()).pending).toBe(0);
  });

  it('claims each row once when relays run concurrently', async () => {
    engine.calls = [];
    await app.db.transaction((tx) => indexer.enqueue(tx, 'company', [uuid(1)]));
    const other = new SearchIndexer(app.db, engine, new JobRunner(app.db), {
      ...loadConfig({ NODE_ENV: 'test' }),
      SEARCH_RELAY_INTERVAL_MS: 0,
    });
    other.register({ kind: 'company', load: async () => [], ids: async () => [] });
    const handled = await Promise.all([indexer.relayOnce(), other.relayOnce()]);
    expect(handled.sort()).toEqual([0, 1]);
  });

  it('relays in the background on its interval, and stops with the application', async () => {
    engine.calls = [];
    const jobs = new JobRunner(app.db);
    const background = new SearchIndexer(app.db, engine, jobs, { ...loadConfig({ NODE_ENV: 'test' }), SEARCH_RELAY_INTERVAL_MS: 50 });
    background.register({
      kind: 'company',
      load: async (ids) =>
        ids.map((id) => ({
          kind: 'company',
          id,
          visibility: 'public',
          audience: [],
          title: 'Gamma',
          keywords: [],
          body: '',
          facets: {},
          location: null,
          payload: {},
        })),
      ids: async () => [],
    });
    jobs.onApplicationBootstrap();
    try {
      await app.db.transaction((tx) => background.enqueue(tx, 'company', [uuid(9)]));
      for (let i = 0; i < 100 && (await background.status()).pending > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(engine.calls).toEqual(['index Gamma']);
    } finally {
      await jobs.beforeApplicationShutdown();
    }
  });

  it('rebuilds a whole kind', async () => {
    engine.calls = [];
    const counts = await indexer.reindex({ kinds: ['company'], batch: 1, concurrency: 1 });
    expect(counts).toEqual({ company: 2 });
    expect(engine.calls).toEqual(['clear company', 'index Alpha v2', 'index Beta']);
  });
});
