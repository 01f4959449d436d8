import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../errors/app-exception';
import { JobRunner } from '../jobs/job-runner';
import { SEARCH_ENGINE, type SearchDocument, type SearchEngine, type SearchKind } from './search.types';

/** Where the documents of one kind come from: registered by the module that owns the data. */
export interface SearchSource {
  kind: SearchKind;
  /**
   * The current documents for these ids; ids without a document (gone, or not indexable) are removed from the index.
   * With `audienceOnly`, only their visibility and audience matter (a hit's re-check): the text may be left empty.
   */
  load(ids: string[], options?: { audienceOnly?: boolean }): Promise<SearchDocument[]>;
  /** Ids in ascending order after `afterId`, for a full rebuild. */
  ids(afterId: string | null, limit: number): Promise<string[]>;
  /**
   * For kinds whose audience follows their networks' visibility and host (topics, events, documents): the ids of the
   * documents of a network (in the caller's transaction). They are re-indexed first when it changes, and their hits
   * are re-checked against their current audience (the index may lag behind).
   */
  idsOfNetwork?(tx: EntityManager, networkId: string): Promise<string[]>;
}

/** What a hit's visibility is decided on (AccessPolicy.canSeeSearchHit). */
type Audienced = { visibility: string; audience: readonly string[] };

interface ClaimedRow {
  id: string;
  kind: SearchKind;
  entity_id: string;
  attempts: number;
  priority: number;
}

const CLAIM = 200;
const LEASE_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 600;
/** The advisory lock key of full rebuilds (any constant unique to this use). */
const REINDEX_LOCK = 724_300_101;

/**
 * The search outbox (DESIGN §6): `enqueue` writes rows in the caller's transaction; the relay claims
 * due rows (FOR UPDATE SKIP LOCKED, safe on several replicas) with a lease, re-reads the current data
 * through the kind's source, pushes it to the engine, deletes the rows on success, and on failure
 * reschedules them with exponential backoff. Deletions and visibility changes (priority 0) go first.
 */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger('Search');
  private readonly sources = new Map<SearchKind, SearchSource>();
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: DataSource,
    @Inject(SEARCH_ENGINE) readonly engine: SearchEngine,
    jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Every replica relays (rows are claimed with SKIP LOCKED and a lease).
    jobs.every({
      name: 'search.relay',
      everyReplica: true,
      everyMs: config.SEARCH_RELAY_INTERVAL_MS,
      run: () => this.relayOnce().then(() => false),
    });
  }

  register(source: SearchSource): void {
    this.sources.set(source.kind, source);
  }

  get kinds(): SearchKind[] {
    return [...this.sources.keys()];
  }

  /**
   * The audience to check each hit against: for the kinds whose audience follows their networks (`idsOfNetwork`),
   * the current one, as their sources build it now (undefined: the document is gone); for the others, the hit's own.
   */
  async currentAudiences<T extends Audienced & { kind: SearchKind; id: string }>(
    hits: readonly T[],
  ): Promise<(hit: T) => Audienced | undefined> {
    const follows = (kind: SearchKind) => this.sources.get(kind)?.idsOfNetwork !== undefined;
    const sources = [...this.sources.values()].filter((source) => follows(source.kind) && hits.some((h) => h.kind === source.kind));
    const loaded = await Promise.all(
      sources.map((source) =>
        source.load(
          hits.filter((h) => h.kind === source.kind).map((h) => h.id),
          { audienceOnly: true },
        ),
      ),
    );
    const current = new Map(loaded.flat().map((doc) => [`${doc.kind}:${doc.id}`, doc]));
    return (hit) => (follows(hit.kind) ? current.get(`${hit.kind}:${hit.id}`) : hit);
  }

  /** After a network's visibility or host changed (in its transaction): the documents whose audience follows it, first in line. */
  async reindexNetwork(tx: EntityManager, networkId: string): Promise<void> {
    for (const source of this.sources.values()) {
      if (source.idsOfNetwork) await this.enqueue(tx, source.kind, await source.idsOfNetwork(tx, networkId), { priority: 0 });
    }
  }

  /** Records that these objects changed; call it with the transaction of the change. */
  async enqueue(manager: EntityManager, kind: SearchKind, ids: readonly string[], options: { priority?: 0 | 1 } = {}): Promise<void> {
    if (!ids.length) return;
    await manager.query('INSERT INTO search_outbox (kind, entity_id, priority) SELECT $1, unnest($2::uuid[]), $3', [
      kind,
      [...new Set(ids)],
      options.priority ?? 1,
    ]);
  }

  /** One relay pass (never two at once in this process); returns how many outbox rows were handled. */
  relayOnce(): Promise<number> {
    if (!this.running) this.running = this.relay().finally(() => (this.running = null));
    return this.running;
  }

  /** Relays until nothing is due (tests, reindex, shutdown). */
  async drain(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      if ((await this.relayOnce()) === 0) return;
    }
  }

  /** Rows waiting, failing, and the age of the oldest (for monitoring). */
  async status(): Promise<{ pending: number; failing: number; oldestSeconds: number | null }> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE attempts > 0 AND last_error IS NOT NULL)::int AS failing,
              extract(epoch FROM now() - min(created_at))::float8 AS oldest FROM search_outbox`,
    );
    return { pending: row.pending, failing: row.failing, oldestSeconds: row.oldest === null ? null : Math.round(row.oldest) };
  }

  private async relay(): Promise<number> {
    // Claim with a lease in a short transaction: the engine is called outside of it.
    const claimed: ClaimedRow[] = await this.db.transaction((tx) =>
      tx
        .query(
          `UPDATE search_outbox o SET due_at = now() + make_interval(secs => $2), attempts = o.attempts + 1
         WHERE o.id IN (SELECT id FROM search_outbox WHERE due_at <= now() ORDER BY priority, id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING o.id, o.kind, o.entity_id, o.attempts, o.priority`,
          [CLAIM, LEASE_SECONDS],
        )
        .then((r: [ClaimedRow[], number] | ClaimedRow[]) => (Array.isArray(r[0]) ? (r[0] as ClaimedRow[]) : (r as ClaimedRow[]))),
    );
    if (!claimed.length) return 0;
    // RETURNING has no order: deletions and visibility changes first, then oldest first.
    claimed.sort((a, b) => a.priority - b.priority || Number(BigInt(a.id) - BigInt(b.id)));
    const byKind = new Map<SearchKind, ClaimedRow[]>();
    for (const row of claimed) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row]);
    for (const [kind, rows] of byKind) {
      try {
        await this.push(kind, [...new Set(rows.map((r) => r.entity_id))]);
        await this.db.query('DELETE FROM search_outbox WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      } catch (err) {
        const message = String((err as Error).message ?? err).slice(0, 500);
        this.logger.warn(`search relay: ${kind} × ${rows.length} failed (${message}); retrying later`);
        for (const row of rows) {
          const delay = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(row.attempts, 10));
          await this.db.query('UPDATE search_outbox SET due_at = now() + make_interval(secs => $2), last_error = $3 WHERE id = $1', [
            row.id,
            delay,
            message,
          ]);
        }
      }
    }
    return claimed.length;
  }

  /** Re-reads the current documents and pushes them; deletions first. */
  private async push(kind: SearchKind, ids: string[]): Promise<void> {
    const source = this.sources.get(kind);
    if (!source) throw new Error(`No search source for ${kind}`);
    const docs = await source.load(ids);
    const present = new Set(docs.map((d) => d.id));
    const gone = ids.filter((id) => !present.has(id));
    if (gone.length) await this.engine.delete(kind, gone);
    if (docs.length) await this.engine.index(docs);
  }

  /**
   * Rebuilds the index of every registered kind (or the given ones); reports progress. Batches are
   * read in id order and pushed by `concurrency` workers (reading one batch while another is written).
   */
  async reindex(
    options: { kinds?: SearchKind[]; batch?: number; concurrency?: number; progress?: (kind: SearchKind, done: number) => void } = {},
  ): Promise<Record<string, number>> {
    return this.exclusively(() => this.rebuild(options));
  }

  /** 409 when a rebuild runs, here or on another replica (or the CLI). */
  async assertNoRebuild(): Promise<void> {
    await this.exclusively(async () => undefined);
  }

  /**
   * One rebuild at a time across processes: a PostgreSQL advisory lock held on a connection of its own for
   * the rebuild's duration. Embedded PGlite has one process and a pool of one connection (none to spare for the
   * lock): nothing to guard there.
   */
  private async exclusively<T>(fn: () => Promise<T>): Promise<T> {
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    if (pool.options.max <= 1) return fn();
    const runner = this.db.createQueryRunner();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [REINDEX_LOCK]);
      if (!locked) throw AppException.conflict('REINDEX_ALREADY_RUNNING', 'The search index is already being rebuilt');
      try {
        return await fn();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [REINDEX_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async rebuild(options: {
    kinds?: SearchKind[];
    batch?: number;
    concurrency?: number;
    progress?: (kind: SearchKind, done: number) => void;
  }): Promise<Record<string, number>> {
    const kinds = options.kinds ?? this.kinds;
    const batch = options.batch ?? 1000;
    const counts: Record<string, number> = {};
    // A full rebuild empties everything first and loads in bulk (the engine may defer derived work until optimize).
    const bulk = !options.kinds && this.engine.clearAll !== undefined;
    const [{ started }] = await this.db.query('SELECT now() AS started');
    if (bulk) await this.engine.clearAll?.();
    for (const kind of kinds) {
      const source = this.sources.get(kind);
      if (!source) throw new Error(`No search source for ${kind}`);
      await this.engine.clear(kind);
      let after: string | null = null;
      let exhausted = false;
      let cursor: Promise<unknown> = Promise.resolve();
      // Id pages are taken one after the other; loading and indexing them overlap.
      const nextIds = (): Promise<string[]> => {
        const page = cursor.then(async () => {
          if (exhausted) return [];
          const ids = await source.ids(after, batch);
          if (ids.length) after = ids[ids.length - 1];
          else exhausted = true;
          return ids;
        });
        cursor = page;
        return page;
      };
      let done = 0;
      const worker = async () => {
        for (let ids = await nextIds(); ids.length; ids = await nextIds()) {
          await this.engine.index(await source.load(ids), { bulk });
          done += ids.length;
          options.progress?.(kind, done);
        }
      };
      // Four batches in flight keep both sides busy (some built in this process while PostgreSQL turns the others
      // into words): on two cores, 4,587 documents/s with two, 4,993–5,447 with three, 5,202–5,835 with four.
      // Embedded PGlite is one backend: concurrent large statements gain nothing there (and its socket may interleave them).
      const concurrency = options.concurrency ?? (this.config.DATABASE_URL ? 4 : 1);
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
      counts[kind] = done;
    }
    await this.engine.optimize?.();
    // Changes queued before the rebuild started are in it (their rows were read after that moment).
    if (!options.kinds) await this.db.query('DELETE FROM search_outbox WHERE created_at < $1', [started]);
    return counts;
  }
}
