import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryImport } from '@maillage/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { makePlatformAdmin, PNG, signedInUser } from '../../../test/fixtures';
import { createApp } from '../../bootstrap';
import { APP_CONFIG, type AppConfig } from '../../config/config';

const SAMPLE_NAME = 'sirene-stock-etablissement-sample.csv';
const SAMPLE = readFileSync(join(__dirname, 'fixtures', SAMPLE_NAME));
const [HEADER, ...LINES] = SAMPLE.toString('utf8').split('\n');
const MAX_BYTES = 32 * 1024;

/** Reads the import until it is finished (the import runs in the background). */
async function finished(client: HttpClient, id: string): Promise<DirectoryImport> {
  for (let i = 0; i < 600; i++) {
    const res = await client.get<DirectoryImport>(`/api/v1/admin/imports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('SIRENE imports uploaded from the administration (real database)', () => {
  let app: TestApp;
  let admin: HttpClient;
  let adminId: string;
  let uploads: string;
  const count = async (table: string) => (await app.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'));

  beforeAll(async () => {
    // The ordinary upload limit (images) is lower: SIRENE files have their own.
    app = await createTestApp({ UPLOAD_MAX_BYTES: 8 * 1024, SIRENE_UPLOAD_MAX_BYTES: MAX_BYTES });
    const signed = await signedInUser(app, { firstName: 'Alice' });
    await makePlatformAdmin(app, signed.id);
    admin = signed.client;
    adminId = signed.id;
    uploads = join(app.running.app.get<AppConfig>(APP_CONFIG).DATA_DIR, 'tmp', 'sirene-imports');
  });
  afterAll(() => app.close());

  it('imports the INSEE sample in the background with the counts of the command line, and can be re-run', async () => {
    const started = await admin.upload<DirectoryImport>('/api/v1/admin/imports', SAMPLE, SAMPLE_NAME, 'text/csv');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      status: 'running',
      fileName: SAMPLE_NAME,
      bytesTotal: SAMPLE.length,
      startedBy: { id: adminId, name: 'Alice Martin' },
    });
    const done = await finished(admin, started.body.id);
    expect(done).toMatchObject({
      status: 'done',
      error: null,
      bytesRead: SAMPLE.length,
      linesRead: 12,
      imported: 6,
      created: 5,
      updated: 0,
      skippedClosed: 1,
      rejectedCount: 5,
      rejectedKept: 100,
    });
    expect(done.finishedAt).not.toBeNull();
    expect([...done.rejected].sort((a, b) => a.line - b.line)).toEqual([
      { line: 6, reason: 'invalid SIRET "90100001800010"' },
      { line: 7, reason: 'unknown NAF rev.2 code "99.99Z"' },
      { line: 8, reason: 'expected 54 columns, found 6' },
      { line: 9, reason: 'unknown commune "99999"' },
      { line: 11, reason: expect.stringMatching(/^unreadable CSV: Invalid Opening Quote/) },
    ]);
    expect(await app.db.query("SELECT legal_name FROM companies WHERE siret LIKE '901%' ORDER BY siret")).toHaveLength(5);
    // The temporary file is gone.
    expect(readdirSync(uploads)).toEqual([]);

    const again = await admin.upload<DirectoryImport>('/api/v1/admin/imports', SAMPLE, SAMPLE_NAME, 'text/csv');
    expect(again.status).toBe(202);
    expect(await finished(admin, again.body.id)).toMatchObject({
      status: 'done',
      imported: 6,
      created: 0,
      updated: 5,
      skippedClosed: 1,
      rejectedCount: 5,
    });
    expect(await count("companies WHERE siret LIKE '901%'")).toBe(5);

    const list = await admin.get('/api/v1/admin/imports?pageSize=1');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 1, maxUploadBytes: MAX_BYTES });
    expect(list.body.items).toEqual([expect.objectContaining({ id: again.body.id, status: 'done', updated: 5 })]);
    expect(list.body.items[0].rejected).toBeUndefined();
  });

  it('imports the good lines of a broken file and reports the others with their line and reason', async () => {
    const good = LINES[0].replace(/901000018,00019,90100001800019/, '901000026,00012,90100002600012');
    const res = await admin.upload<DirectoryImport>(
      '/api/v1/admin/imports',
      csv([good, 'not,a,line', `${LINES[1].slice(0, 40)}"broken`, LINES[2]]),
      '../../étrange<nom>.txt',
      'application/vnd.ms-excel',
    );
    expect(res.status).toBe(202);
    expect(res.body.fileName).toBe('étrangenom.csv');
    const done = await finished(admin, res.body.id);
    expect(done).toMatchObject({ status: 'done', linesRead: 4, imported: 1, skippedClosed: 1, rejectedCount: 2 });
    expect(done.rejected.map((r) => r.line).sort()).toEqual([3, 4]);
    expect(done.rejected.find((r) => r.line === 3)?.reason).toBe('expected 54 columns, found 3');
  });

  it('accepts files above the ordinary upload limit, up to its own', async () => {
    const file = csv(Array.from({ length: 100 }, () => LINES[0]));
    expect(file.length).toBeGreaterThan(8 * 1024);
    expect(file.length).toBeLessThan(MAX_BYTES);
    const res = await admin.upload<DirectoryImport>('/api/v1/admin/imports', file, 'gros.csv', 'text/csv');
    expect(res.status).toBe(202);
    expect(await finished(admin, res.body.id)).toMatchObject({
      status: 'done',
      linesRead: 100,
      imported: 100,
      created: 0,
      updated: 1,
      bytesRead: file.length,
    });
  });

  it('refuses what is not a StockEtablissement CSV, too large, or not a file, and keeps nothing', async () => {
    const before = await count('directory_imports');
    const png = await admin.upload('/api/v1/admin/imports', PNG, 'stock.csv', 'text/csv');
    expect(png.status).toBe(415);
    expect(png.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    const zip = await admin.upload(
      '/api/v1/admin/imports',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), SAMPLE]),
      'stock.zip',
      'application/zip',
    );
    expect(zip.status).toBe(415);
    const latin1 = await admin.upload(
      '/api/v1/admin/imports',
      Buffer.from(`${HEADER.replace('siren', 'sirén')}\n`, 'latin1'),
      'stock.csv',
      'text/csv',
    );
    expect(latin1.status).toBe(415);
    const other = await admin.upload(
      '/api/v1/admin/imports',
      Buffer.from('insee_com,lat,lng\n42218,45.4,4.3\n'),
      'communes.csv',
      'text/csv',
    );
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      code: 'INVALID_SIRENE_FILE',
      details: { missingColumns: expect.arrayContaining(['siret', 'etatAdministratifEtablissement']) },
    });
    const empty = await admin.upload('/api/v1/admin/imports', Buffer.alloc(0), 'empty.csv', 'text/csv');
    expect(empty.status).toBe(422);
    const big = await admin.upload(
      '/api/v1/admin/imports',
      csv(Array.from({ length: 200 }, () => LINES[0])).subarray(0, MAX_BYTES + 1),
      'big.csv',
      'text/csv',
    );
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'FILE_TOO_LARGE', details: { maxBytes: MAX_BYTES } });
    const json = await admin.post('/api/v1/admin/imports', { file: HEADER });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('MULTIPART_REQUIRED');
    const form = new FormData();
    form.append('note', 'no file');
    const noFile = await admin.request('POST', '/api/v1/admin/imports', undefined, { raw: form });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('FILE_REQUIRED');
    expect(await count('directory_imports')).toBe(before);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('is for platform admins only', async () => {
    const before = await count('directory_imports');
    const { id } = (await admin.get('/api/v1/admin/imports')).body.items[0];
    const user = (await signedInUser(app)).client;
    expect((await user.upload('/api/v1/admin/imports', SAMPLE, SAMPLE_NAME, 'text/csv')).status).toBe(403);
    expect((await user.get('/api/v1/admin/imports')).status).toBe(403);
    expect((await user.get(`/api/v1/admin/imports/${id}`)).status).toBe(403);
    const anonymous = app.client();
    expect((await anonymous.upload('/api/v1/admin/imports', SAMPLE, SAMPLE_NAME, 'text/csv')).status).toBe(401);
    expect((await anonymous.get('/api/v1/admin/imports')).status).toBe(401);
    expect((await anonymous.get(`/api/v1/admin/imports/${id}`)).status).toBe(401);
    expect(await count('directory_imports')).toBe(before);
    expect((await admin.get('/api/v1/admin/imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/v1/admin/imports/not-a-uuid')).status).toBe(404);
    expect((await admin.get('/api/v1/admin/imports?pageSize=1000')).status).toBe(400);
    expect((await admin.get('/api/v1/admin/imports?unknown=1')).status).toBe(400);
  });

  it('runs one import at a time (whichever process has it), and frees the slot of a process that stopped', async () => {
    // An import running elsewhere (another replica): its heartbeat is fresh.
    const [{ id }] = await app.db.query(
      "INSERT INTO directory_imports (status, active, file_name, started_at) VALUES ('running', true, 'ailleurs.csv', now()) RETURNING id",
    );
    const refused = await admin.upload('/api/v1/admin/imports', SAMPLE, SAMPLE_NAME, 'text/csv');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'IMPORT_ALREADY_RUNNING', details: { importId: id } });
    expect((await admin.get(`/api/v1/admin/imports/${id}`)).body.status).toBe('running');
    // Its process stopped: no heartbeat for a while.
    await app.db.query("UPDATE directory_imports SET heartbeat_at = now() - interval '5 minutes' WHERE id = $1", [id]);
    expect((await admin.get(`/api/v1/admin/imports/${id}`)).body).toMatchObject({
      status: 'failed',
      error: 'interrupted',
      finishedAt: expect.any(String),
    });
    const accepted = await admin.upload<DirectoryImport>('/api/v1/admin/imports', SAMPLE, SAMPLE_NAME, 'text/csv');
    expect(accepted.status).toBe(202);
    expect((await finished(admin, accepted.body.id)).status).toBe('done');
  });

  it('marks an import interrupted by a restart as failed when the API boots', async () => {
    const [{ id }] = await app.db.query(
      "INSERT INTO directory_imports (status, active, file_name, started_at, heartbeat_at) VALUES ('running', true, 'coupé.csv', now(), now() - interval '1 hour') RETURNING id",
    );
    const restarted = await createApp({ ...app.running.app.get<AppConfig>(APP_CONFIG) }, { logger: false });
    try {
      const [row] = await app.db.query('SELECT status, active, error FROM directory_imports WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'failed', active: null, error: 'interrupted' });
    } finally {
      await restarted.close();
    }
  });
});
