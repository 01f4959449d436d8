import { Client } from 'pg';
import type { AdminSearchStatus } from '@maillage/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { makePlatformAdmin, signedInUser } from '../../../test/fixtures';
import { SearchIndexer } from '../../core/search/search-indexer.service';

describe('admin: the search index status and its rebuild (real database)', () => {
  let app: TestApp;
  let admin: HttpClient;
  let indexer: SearchIndexer;
  const status = async () => {
    const res = await admin.get<AdminSearchStatus>('/api/v1/admin/search');
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Reads the status until the rebuild started at `startedAt` is over. */
  const rebuilt = async (startedAt: string) => {
    for (let i = 0; i < 600; i++) {
      const current = await status();
      if (current.reindex?.startedAt === startedAt && current.reindex.status !== 'running') return current;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the rebuild did not end');
  };

  beforeAll(async () => {
    app = await createTestApp();
    indexer = app.running.app.get(SearchIndexer);
    const signed = await signedInUser(app);
    await makePlatformAdmin(app, signed.id);
    admin = signed.client;
    await indexer.drain();
  });
  afterAll(() => app.close());

  it('shows documents per kind, pending changes, the lag and the last errors', async () => {
    const before = await status();
    expect(before).toMatchObject({
      engine: expect.stringMatching(/^(postgres|meilisearch)$/),
      pending: 0,
      failing: 0,
      oldestSeconds: null,
      lastErrors: [],
      reindex: null,
    });
    expect(before.documents).toMatchObject({ company: 0 });
    const companies: { id: string }[] = await app.db.query(
      `INSERT INTO companies (siren, siret, legal_name) VALUES ('732829320', '73282932000074', 'Forges du Gier'), ('552100554', '55210055400013', 'Tissages du Pilat')
       RETURNING id`,
    );
    await app.db.query("INSERT INTO search_outbox (kind, entity_id) SELECT 'company', unnest($1::uuid[])", [companies.map((c) => c.id)]);
    expect(await status()).toMatchObject({ pending: 2, failing: 0, oldestSeconds: expect.any(Number) });
    await indexer.drain();
    const indexed = await status();
    expect(indexed).toMatchObject({ pending: 0, oldestSeconds: null });
    expect(indexed.documents.company).toBe(2);

    // A change the engine refused: retried later, listed with its error.
    await app.db.query(
      `INSERT INTO search_outbox (kind, entity_id, attempts, last_error, due_at)
       VALUES ('company', '00000000-0000-4000-8000-000000000001', 3, 'engine unreachable', now() + interval '1 hour')`,
    );
    const failing = await status();
    expect(failing).toMatchObject({ pending: 1, failing: 1 });
    expect(failing.lastErrors).toEqual([
      {
        kind: 'company',
        entityId: '00000000-0000-4000-8000-000000000001',
        attempts: 3,
        error: 'engine unreachable',
        dueAt: expect.any(String),
      },
    ]);
    await app.db.query('DELETE FROM search_outbox');
  });

  it('rebuilds the index in the background, as `npm run reindex`', async () => {
    // A company written without its outbox row: only a rebuild finds it.
    await app.db.query("INSERT INTO companies (siren, siret, legal_name) VALUES ('901000018', '90100001800019', 'Ateliers du Furan')");
    expect((await status()).documents.company).toBe(2);
    const started = await admin.post('/api/v1/admin/search/reindex', {});
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', startedAt: expect.any(String), finishedAt: null, error: null });
    const current = await rebuilt(started.body.startedAt);
    expect(current.reindex).toMatchObject({
      status: 'done',
      error: null,
      finishedAt: expect.any(String),
      done: expect.objectContaining({ company: 3 }),
    });
    expect(current.documents.company).toBe(3);

    // One kind only.
    const companiesOnly = await admin.post('/api/v1/admin/search/reindex', { kinds: ['company'] });
    expect(companiesOnly.status).toBe(202);
    expect((await rebuilt(companiesOnly.body.startedAt)).reindex).toMatchObject({ status: 'done', done: { company: 3 } });
  });

  // Another process rebuilding holds the advisory lock (PostgreSQL only: embedded PGlite is one process, nothing to guard).
  if (process.env.TEST_DB !== 'pglite')
    it('refuses a rebuild while another process (a replica, `npm run reindex`) runs one', async () => {
      const other = new Client({ connectionString: app.running.databaseUrl });
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock(724300101)');
        const refused = await admin.post('/api/v1/admin/search/reindex', {});
        expect([refused.status, refused.body.code]).toEqual([409, 'REINDEX_ALREADY_RUNNING']);
        await expect(indexer.reindex({ kinds: ['company'] })).rejects.toThrow('already being rebuilt');
        await other.query('SELECT pg_advisory_unlock(724300101)');
        expect(await indexer.reindex({ kinds: ['company'] })).toEqual({ company: 3 });
      } finally {
        await other.end();
      }
    });

  it('validates the request strictly and is for platform admins only', async () => {
    for (const body of [{ kinds: ['nope'] }, { kinds: 'company' }, { kinds: ['company', 'company'] }, { everything: true }]) {
      const res = await admin.post('/api/v1/admin/search/reindex', body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    const user = (await signedInUser(app)).client;
    expect((await user.get('/api/v1/admin/search')).status).toBe(403);
    expect((await user.post('/api/v1/admin/search/reindex', {})).status).toBe(403);
    expect((await app.client().get('/api/v1/admin/search')).status).toBe(401);
    expect((await app.client().post('/api/v1/admin/search/reindex', {})).status).toBe(401);
    expect((await status()).reindex?.status).toBe('done');
  });
});
