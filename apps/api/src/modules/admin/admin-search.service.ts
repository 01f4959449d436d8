import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, Not, IsNull } from 'typeorm';
import { SEARCH_KINDS, type AdminSearchStatus, type ReindexRun, type SearchKind } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { SearchOutboxRow } from '../../core/search/entities/search-outbox.entity';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { SEARCH_ENGINE, type SearchEngine } from '../../core/search/search.types';

const LAST_ERRORS = 10;

class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/**
 * The search index seen from the administration: documents per kind, the outbox (lag, pending,
 * failing, last errors), and a full rebuild run in the background — the same code as
 * `npm run reindex`, one at a time in this process.
 */
@Injectable()
export class AdminSearchService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Search');
  private last: ReindexRun | null = null;
  private running: { stopping: boolean; done: Promise<void> } | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly indexer: SearchIndexer,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  async status(actor: Actor): Promise<AdminSearchStatus> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    const outbox = await this.indexer.status();
    // Every document, whoever may see it: the engine's own count per kind (the 'kind' facet).
    const counted = await this.engine.search({ audience: 'all', pageSize: 1, facets: ['kind'], highlight: false });
    const kinds = SEARCH_KINDS.filter((k) => this.indexer.kinds.includes(k));
    const documents: Partial<Record<SearchKind, number>> = Object.fromEntries(kinds.map((k) => [k, 0]));
    for (const { value, count } of counted.facets.kind ?? []) documents[value as SearchKind] = count;
    const failing = await this.db.manager.find(SearchOutboxRow, {
      where: { lastError: Not(IsNull()) },
      order: { dueAt: 'DESC' },
      take: LAST_ERRORS,
    });
    return {
      engine: this.engine.name,
      ...outbox,
      documents,
      lastErrors: failing.map((row) => ({
        kind: row.kind as SearchKind,
        entityId: row.entityId,
        attempts: row.attempts,
        error: row.lastError ?? '',
        dueAt: row.dueAt.toISOString(),
      })),
      reindex: this.last && { ...this.last, done: { ...this.last.done } },
    };
  }

  /** Starts a full rebuild in the background; 409 while one runs. */
  async reindex(actor: Actor, kinds?: SearchKind[]): Promise<ReindexRun> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    const unknown = (kinds ?? []).filter((k) => !this.indexer.kinds.includes(k));
    if (unknown.length) {
      throw AppException.badRequest('VALIDATION_FAILED', 'Some fields are invalid', [
        { field: 'kinds', messages: [`must be indexed kinds (${this.indexer.kinds.join(', ')})`] },
      ]);
    }
    if (this.running) throw AppException.conflict('REINDEX_ALREADY_RUNNING', 'The search index is already being rebuilt');
    // Another replica (or `npm run reindex`) may be rebuilding: the same answer.
    await this.indexer.assertNoRebuild();
    const run: ReindexRun = { status: 'running', startedAt: new Date().toISOString(), finishedAt: null, done: {}, error: null };
    const state = { stopping: false, done: Promise.resolve() };
    state.done = this.indexer
      .reindex({
        kinds: kinds?.length ? kinds : undefined,
        progress: (kind, done) => {
          if (state.stopping) throw new Interrupted();
          run.done[kind] = done;
        },
      })
      .then(
        (counts) => {
          run.done = counts;
          run.status = 'done';
        },
        (err: Error) => {
          run.status = 'failed';
          run.error = err instanceof Interrupted ? 'interrupted' : String(err.message ?? err).slice(0, 500);
          if (!(err instanceof Interrupted)) this.logger.error(`reindex failed: ${run.error}`);
        },
      )
      .finally(() => {
        run.finishedAt = new Date().toISOString();
        this.running = null;
      });
    this.running = state;
    this.last = run;
    return { ...run, done: { ...run.done } };
  }

  /** A rebuild in progress stops after its current batch. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.running) return;
    this.running.stopping = true;
    await this.running.done;
  }
}
