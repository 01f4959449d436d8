// Document libraries over HTTP against a real database: uploads, versions, restore, downloads and their
// headers, folders, hostile files and names, the role × endpoint matrix, animators-only folders, search and the canary.
import sharp from 'sharp';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { PNG as UNDECODABLE_PNG } from '../../../test/fixtures';
import type { HttpClient, HttpResponse } from '../../../test/http-client';
import { NETWORK_DEFAULTS, networkWorld, type Person } from '../../../test/network-world';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { makeDocx, makeZip, makeZipBomb } from '../../../test/zip-fixtures';

const V1 = '/api/v1';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** Small enough to test the limit cheaply, large enough for the zip bomb (≈ 60 KB) to reach the archive check. */
const MAX_BYTES = 256 * 1024;

interface Uploaded {
  id: string;
  title: string;
  folderId: string | null;
  versionCount: number;
  current: { number: number; fileName: string; mimeType: string; size: number; preview: string | null };
}

describe('document libraries (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let staff: Person;
  let admin: Person;
  let priv: string;
  let pub: string;
  let other: string;
  let member: Person;
  let colleague: Person;
  let animator: Person;
  let nonMember: Person;
  let otherAnimator: Person;
  let anonymous: HttpClient;
  let PNG: Buffer;
  const relay = () => app.running.app.get(SearchIndexer).drain();
  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const CANARY = `secretdoc${process.pid}zq`;

  function upload(
    client: HttpClient,
    path: string,
    data: Buffer,
    filename: string,
    fields: Record<string, string> = {},
    type = 'application/octet-stream',
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(data)], { type }), filename);
    return client.request<Uploaded & { code?: string }>('POST', path, undefined, { raw: form });
  }
  async function uploadOk(
    who: Person,
    networkId: string,
    data: Buffer,
    filename: string,
    fields: Record<string, string> = {},
    folderId?: string,
  ): Promise<Uploaded> {
    const res = await upload(
      who.client,
      `${V1}/networks/${networkId}/documents${folderId ? `?folderId=${folderId}` : ''}`,
      data,
      filename,
      fields,
    );
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function folder(who: Person, networkId: string, body: Record<string, unknown>): Promise<{ id: string; name: string }> {
    const res = await who.client.post(`${V1}/networks/${networkId}/documents/folders`, body);
    if (res.status !== 201) throw new Error(`folder: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function raw(client: HttpClient, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const res = await fetch(client.baseUrl + path, { headers: client.cookieHeader ? { cookie: client.cookieHeader } : {} });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }
  const searchTitles = async (client: HttpClient, q: string): Promise<string[]> => {
    const res = await client.get(`${V1}/search?q=${encodeURIComponent(q)}&kind=document`);
    expect(res.status).toBe(200);
    return (res.body.items as { title: string }[]).map((i) => i.title);
  };

  beforeAll(async () => {
    PNG = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2b4c8c' } })
      .png()
      .toBuffer();
    // The general upload limit (logos, forum attachments) is lower: the library's own limit applies to its uploads.
    app = await createTestApp({ UPLOAD_DOCUMENT_MAX_BYTES: MAX_BYTES, UPLOAD_MAX_BYTES: 64 * 1024 });
    world = await networkWorld(app);
    ({ staff, admin } = world);
    priv = (await world.createNetwork({ name: 'Club privé du Forez', visibility: 'private', joinPolicy: 'approval' })).id;
    pub = (await world.createNetwork({ name: 'Club public de Roanne' })).id;
    other = (await world.createNetwork({ name: 'Club de Lyon', visibility: 'private', hostOrganizationId: world.otherHostId }, admin)).id;
    [member, colleague, animator, nonMember, otherAnimator] = await Promise.all(
      ['Bruno', 'Chloé', 'Denis', 'Fabien', 'Gaëlle'].map((n) => world.person(true, n)),
    );
    for (const [who, role] of [
      [member, 'member'],
      [colleague, 'member'],
      [animator, 'animator'],
    ] as const) {
      await world.enrol(priv, who, role);
      await world.enrol(pub, who, role);
    }
    await world.enrol(other, otherAnimator, 'animator', admin);
    anonymous = app.client();
  });
  afterAll(() => app.close());

  describe('uploads, versions, restore and downloads', () => {
    let doc: Uploaded;

    it('a member uploads a PDF: title from its name, version 1, stored under a generated key', async () => {
      doc = await uploadOk(member, priv, PDF, 'Charte du club.pdf');
      expect(doc).toMatchObject({ title: 'Charte du club', folderId: null, versionCount: 1 });
      expect(doc.current).toMatchObject({
        number: 1,
        fileName: 'Charte du club.pdf',
        mimeType: 'application/pdf',
        size: PDF.length,
        preview: 'pdf',
      });
      const [file] = await app.db.query(
        'SELECT f.storage_key FROM files f JOIN document_versions v ON v.file_id = f.id WHERE v.document_id = $1',
        [doc.id],
      );
      expect(file.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    });

    it('takes the title and description sent with the file (descriptions up to 2,000 characters)', async () => {
      const description = `Réunion du 12 mars. ${'é'.repeat(1980)}`;
      const withFields = await uploadOk(member, priv, PDF, 'cr.pdf', { title: '  Compte rendu de mars  ', description });
      expect(withFields.title).toBe('Compte rendu de mars');
      const detail = await member.client.get(`${V1}/documents/${withFields.id}`);
      expect(detail.body.description).toBe(description);
    });

    it('accepts files up to the library limit, above the general upload limit', async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(200 * 1024, 32)]);
      const uploaded = await uploadOk(member, priv, big, 'annexe.pdf');
      expect(uploaded.current.size).toBe(big.length);
      expect((await raw(member.client, `${V1}/documents/${uploaded.id}/versions/1/download`)).bytes.equals(big)).toBe(true);
    });

    it('downloads as an attachment with nosniff, an RFC 5987 name and the exact bytes', async () => {
      const res = await raw(member.client, `${V1}/documents/${doc.id}/versions/1/download`);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(PDF)).toBe(true);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Charte%20du%20club.pdf");
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
    });

    it('a new version (an image, by another member) becomes current, with a thumbnail; both versions download', async () => {
      const res = await upload(colleague.client, `${V1}/documents/${doc.id}/versions`, PNG, 'affiche.png');
      expect(res.status).toBe(201);
      const detail = res.body as unknown as {
        versionCount: number;
        current: { number: number; mimeType: string; preview: string };
        versions: { number: number }[];
      };
      expect(detail.versionCount).toBe(2);
      expect(detail.current).toMatchObject({ number: 2, mimeType: 'image/png', preview: 'image' });
      expect(detail.versions.map((v) => v.number)).toEqual([2, 1]);
      expect((await raw(member.client, `${V1}/documents/${doc.id}/versions/1/download`)).bytes.equals(PDF)).toBe(true);
      expect((await raw(member.client, `${V1}/documents/${doc.id}/versions/2/download`)).bytes.equals(PNG)).toBe(true);
      expect((await raw(member.client, `${V1}/documents/${doc.id}/versions/current/download`)).bytes.equals(PNG)).toBe(true);
      const thumbnail = await raw(member.client, `${V1}/documents/${doc.id}/versions/2/thumbnail`);
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.headers.get('content-type')).toBe('image/webp');
      expect(thumbnail.bytes.subarray(8, 12).toString()).toBe('WEBP');
      expect((await raw(member.client, `${V1}/documents/${doc.id}/versions/1/thumbnail`)).status).toBe(404);
      expect((await sharp(thumbnail.bytes).metadata()).width).toBe(320);
    });

    it('keeps an image that cannot be decoded, without a thumbnail', async () => {
      const broken = await uploadOk(member, priv, UNDECODABLE_PNG, 'abimee.png');
      expect(broken.current).toMatchObject({ mimeType: 'image/png', preview: null });
      expect((await raw(member.client, `${V1}/documents/${broken.id}/versions/1/thumbnail`)).status).toBe(404);
    });

    it('previews PDFs only inline, sandboxed and framable by the app alone', async () => {
      const pdf = await raw(member.client, `${V1}/documents/${doc.id}/versions/1/preview`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-disposition')).toMatch(/^inline; /);
      expect(pdf.headers.get('content-security-policy')).toContain('sandbox');
      expect(pdf.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await raw(member.client, `${V1}/documents/${doc.id}/versions/2/preview`)).status).toBe(404);
    });

    it('restores version 1 as a new version 3 (nothing is lost); restoring the current one is a conflict', async () => {
      const res = await member.client.post(`${V1}/documents/${doc.id}/versions/1/restore`);
      expect(res.status).toBe(201);
      expect(res.body.current).toMatchObject({ number: 3, restoredFrom: 1, mimeType: 'application/pdf' });
      expect(res.body.versions).toHaveLength(3);
      expect((await raw(member.client, `${V1}/documents/${doc.id}/versions/current/download`)).bytes.equals(PDF)).toBe(true);
      const again = await member.client.post(`${V1}/documents/${doc.id}/versions/3/restore`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DOCUMENT_VERSION_CURRENT');
      expect((await member.client.post(`${V1}/documents/${doc.id}/versions/9/restore`)).status).toBe(404);
      expect((await member.client.get(`${V1}/documents/${doc.id}/versions/abc/download`)).status).toBe(404);
      expect((await member.client.get(`${V1}/documents/${doc.id}/versions/1/source`)).status).toBe(404);
    });

    it('concurrent new versions get distinct numbers', async () => {
      const before = (await member.client.get(`${V1}/documents/${doc.id}`)).body.versionCount as number;
      const answers = await Promise.all(
        [member, colleague, animator].map((who) => upload(who.client, `${V1}/documents/${doc.id}/versions`, PDF, 'v.pdf')),
      );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      const detail = await member.client.get(`${V1}/documents/${doc.id}`);
      expect(detail.body.versionCount).toBe(before + 3);
      expect(new Set(detail.body.versions.map((v: { number: number }) => v.number)).size).toBe(before + 3);
    });

    it('only the uploader and the managers edit or delete a document; others read it', async () => {
      const mine = await uploadOk(member, priv, PDF, 'brouillon.pdf');
      expect((await colleague.client.patch(`${V1}/documents/${mine.id}`, { title: 'Pris' })).status).toBe(403);
      expect((await colleague.client.delete(`${V1}/documents/${mine.id}`)).status).toBe(403);
      const renamed = await member.client.patch(`${V1}/documents/${mine.id}`, { title: ' Brouillon v2 ', description: 'Notes' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ title: 'Brouillon v2', description: 'Notes', canEdit: true });
      expect((await animator.client.patch(`${V1}/documents/${mine.id}`, { title: 'Relu' })).status).toBe(200);
      expect((await member.client.patch(`${V1}/documents/${mine.id}`, { title: '' })).status).toBe(400);
      expect((await member.client.patch(`${V1}/documents/${mine.id}`, { title: 'x'.repeat(201) })).status).toBe(400);
      expect((await member.client.patch(`${V1}/documents/${mine.id}`, { owner: 'me' })).status).toBe(400);
      expect((await member.client.delete(`${V1}/documents/${mine.id}`)).status).toBe(204);
      expect((await member.client.get(`${V1}/documents/${mine.id}`)).status).toBe(404);
      expect((await raw(member.client, `${V1}/documents/${mine.id}/versions/1/download`)).status).toBe(404);
      // A soft delete: the row and its file stay.
      expect((await app.db.query('SELECT deleted_at FROM documents WHERE id = $1', [mine.id]))[0].deleted_at).not.toBeNull();
    });
  });

  describe('folders', () => {
    it('nests, lists with breadcrumbs, renames, moves (never into itself), deletes only when empty', async () => {
      const minutes = await folder(member, priv, { name: 'Comptes rendus' });
      const year = await folder(member, priv, { name: '2026', parentId: minutes.id });
      const doc = await uploadOk(member, priv, PDF, 'cr-janvier.pdf', {}, year.id);
      const inYear = await member.client.get(`${V1}/networks/${priv}/documents?folderId=${year.id}`);
      expect(inYear.status).toBe(200);
      expect(inYear.body.breadcrumbs).toEqual([{ id: minutes.id, name: 'Comptes rendus' }]);
      expect(inYear.body.folder).toMatchObject({ id: year.id, name: '2026', parentId: minutes.id, itemCount: 1 });
      expect(inYear.body.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
      const root = await member.client.get(`${V1}/networks/${priv}/documents`);
      expect(root.body.folders.find((f: { id: string }) => f.id === minutes.id)).toMatchObject({ itemCount: 1 });
      expect(root.body.rights).toEqual({ write: true, manage: false });

      // Renaming and moving folders belong to the managers.
      expect((await member.client.patch(`${V1}/documents/folders/${year.id}`, { name: 'Année 2026' })).status).toBe(403);
      expect((await animator.client.patch(`${V1}/documents/folders/${year.id}`, { name: 'Année 2026' })).body.name).toBe('Année 2026');
      const intoItself = await animator.client.patch(`${V1}/documents/folders/${minutes.id}`, { parentId: year.id });
      expect(intoItself.status).toBe(400);
      expect(intoItself.body.code).toBe('INVALID_FOLDER');
      expect((await animator.client.patch(`${V1}/documents/folders/${minutes.id}`, { parentId: minutes.id })).status).toBe(400);
      const elsewhere = await folder(otherAnimator, other, { name: 'Ailleurs' });
      expect((await animator.client.patch(`${V1}/documents/folders/${year.id}`, { parentId: elsewhere.id })).status).toBe(400);
      expect((await member.client.post(`${V1}/networks/${priv}/documents/folders`, { name: 'x', parentId: elsewhere.id })).status).toBe(
        400,
      );
      expect((await upload(member.client, `${V1}/networks/${priv}/documents?folderId=${elsewhere.id}`, PDF, 'a.pdf')).status).toBe(400);
      expect((await member.client.patch(`${V1}/documents/${doc.id}`, { folderId: elsewhere.id })).status).toBe(400);
      const options = await member.client.get(`${V1}/networks/${priv}/documents/folders`);
      expect(options.body).toEqual(
        expect.arrayContaining([
          { id: minutes.id, parentId: null, path: 'Comptes rendus', animatorsOnly: false },
          { id: year.id, parentId: minutes.id, path: 'Comptes rendus / Année 2026', animatorsOnly: false },
        ]),
      );
      expect((await nonMember.client.get(`${V1}/networks/${priv}/documents/folders`)).status).toBe(404);
      expect((await animator.client.patch(`${V1}/documents/folders/${year.id}`, { parentId: null })).body.parentId).toBeNull();

      const notEmpty = await animator.client.delete(`${V1}/documents/folders/${year.id}`);
      expect(notEmpty.status).toBe(409);
      expect(notEmpty.body.code).toBe('DOCUMENT_FOLDER_NOT_EMPTY');
      expect((await member.client.patch(`${V1}/documents/${doc.id}`, { folderId: minutes.id })).body.folderId).toBe(minutes.id);
      expect((await animator.client.delete(`${V1}/documents/folders/${year.id}`)).status).toBe(204);
      expect((await member.client.get(`${V1}/networks/${priv}/documents?folderId=${year.id}`)).status).toBe(404);
    });

    it('validates names and ids', async () => {
      const tooLong = await member.client.post(`${V1}/networks/${priv}/documents/folders`, { name: 'x'.repeat(121) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.code).toBe('VALIDATION_FAILED');
      expect((await member.client.post(`${V1}/networks/${priv}/documents/folders`, { name: '   ' })).status).toBe(400);
      expect((await member.client.post(`${V1}/networks/${priv}/documents/folders`, { name: 'a\u0000b' })).status).toBe(400);
      expect((await member.client.post(`${V1}/networks/${priv}/documents/folders`, { name: 'ok', parentId: 'nope' })).status).toBe(400);
      expect((await member.client.get(`${V1}/networks/${priv}/documents?folderId=nope`)).status).toBe(400);
      expect((await member.client.get(`${V1}/networks/not-a-uuid/documents`)).status).toBe(404);
    });
  });

  describe('hostile files and names', () => {
    const refused: [string, Buffer, string, number, string][] = [
      ['a Windows program', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512)]), 'rapport.pdf', 415, 'UNSUPPORTED_FILE_TYPE'],
      ['an ELF program', Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(512)]), 'outil.txt', 415, 'UNSUPPORTED_FILE_TYPE'],
      [
        'an HTML page',
        Buffer.from('<!doctype html><html><body><script>fetch("/api/v1/me")</script></body></html>'),
        'page.txt',
        415,
        'UNSUPPORTED_FILE_TYPE',
      ],
      [
        'an SVG with a script',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
        'logo.svg',
        422,
        'UNSAFE_SVG',
      ],
      [
        'an SVG with an event handler',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="alert(1)"/></svg>'),
        'logo.svg',
        422,
        'UNSAFE_SVG',
      ],
      ['a zip bomb', makeZipBomb(60), 'archives.zip', 422, 'UNSAFE_ARCHIVE'],
      [
        'a zip lying about its sizes',
        makeZip([{ name: 'petit.txt', data: Buffer.alloc(30 * 1024 * 1024), declaredSize: 100 }]),
        'a.zip',
        422,
        'UNSAFE_ARCHIVE',
      ],
      [
        'a zip with a path-traversal entry',
        makeZip([{ name: '../../../home/x/.bashrc', data: Buffer.from('x') }]),
        'a.zip',
        422,
        'UNSAFE_ARCHIVE',
      ],
      [
        'a Java archive',
        makeZip([{ name: 'META-INF/MANIFEST.MF', data: Buffer.from('Main-Class: A') }]),
        'a.zip',
        415,
        'UNSUPPORTED_FILE_TYPE',
      ],
      ['a file over the limit', Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]), 'gros.pdf', 413, 'FILE_TOO_LARGE'],
    ];
    it.each(refused)('refuses %s with a clear 4xx and writes nothing', async (_label, data, name, status, code) => {
      const before = await Promise.all(['documents', 'document_versions', 'files'].map(count));
      const res = await upload(member.client, `${V1}/networks/${priv}/documents`, data, name);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await Promise.all(['documents', 'document_versions', 'files'].map(count))).toEqual(before);
    });

    it('refuses a hostile new version the same way, keeping the current one', async () => {
      const doc = await uploadOk(member, priv, PDF, 'statuts.pdf');
      const res = await upload(
        member.client,
        `${V1}/documents/${doc.id}/versions`,
        Buffer.from('<html><script>x</script></html>'),
        'statuts.pdf',
      );
      expect(res.status).toBe(415);
      expect((await member.client.get(`${V1}/documents/${doc.id}`)).body.versionCount).toBe(1);
    });

    it('accepts office documents, text and CSV, typed from their bytes', async () => {
      expect((await uploadOk(member, priv, makeDocx(), 'cr.docx')).current.mimeType).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect((await uploadOk(member, priv, Buffer.from('nom;ville\nAcme;Lyon\n'), 'membres.csv')).current.mimeType).toBe('text/csv');
      // A PDF named .exe is a PDF, named .pdf.
      expect((await uploadOk(member, priv, PDF, 'facture.exe')).current).toMatchObject({
        mimeType: 'application/pdf',
        fileName: 'facture.pdf',
      });
      // A safe SVG is accepted but never shown inline.
      const svg = await uploadOk(member, priv, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'), 'logo.svg');
      expect(svg.current.preview).toBeNull();
      const res = await raw(member.client, `${V1}/documents/${svg.id}/versions/1/download`);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect((await raw(member.client, `${V1}/documents/${svg.id}/versions/1/preview`)).status).toBe(404);
    });

    it('neutralises path traversal and control characters in names', async () => {
      const traversal = await uploadOk(member, priv, PDF, '../../../etc/passwd.pdf');
      expect(traversal.current.fileName).toBe('passwd.pdf');
      const control = await uploadOk(member, priv, PDF, 'rap\u0007port\u001b<x>.pdf');
      expect(control.current.fileName).toBe('rapportx.pdf');
      const res = await raw(member.client, `${V1}/documents/${traversal.id}/versions/1/download`);
      expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''passwd.pdf");
      const quoted = await uploadOk(member, priv, PDF, "l'été (2026).pdf");
      const headers = (await raw(member.client, `${V1}/documents/${quoted.id}/versions/1/download`)).headers;
      expect(headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%282026%29.pdf");
    });

    it('refuses bad multipart fields and requests without a file', async () => {
      const long = await upload(member.client, `${V1}/networks/${priv}/documents`, PDF, 'a.pdf', { title: 'x'.repeat(201) });
      expect(long.status).toBe(400);
      expect(long.body.code).toBe('VALIDATION_FAILED');
      const unknown = await upload(member.client, `${V1}/networks/${priv}/documents`, PDF, 'a.pdf', { owner: 'me' });
      expect(unknown.status).toBe(400);
      const json = await member.client.post(`${V1}/networks/${priv}/documents`, { title: 'x' });
      expect(json.status).toBe(415);
      expect(json.body.code).toBe('MULTIPART_REQUIRED');
    });
  });

  describe('the role × endpoint matrix', () => {
    let privDoc: Uploaded;
    let pubDoc: Uploaded;
    beforeAll(async () => {
      privDoc = await uploadOk(member, priv, PDF, 'matrice-privee.pdf');
      pubDoc = await uploadOk(member, pub, PDF, 'matrice-publique.pdf');
    });

    const who = (name: string): HttpClient =>
      ({
        anonymous,
        nonMember: nonMember.client,
        otherAnimator: otherAnimator.client,
        member: member.client,
        animator: animator.client,
        staff: staff.client,
        admin: admin.client,
      })[name]!;
    const readers: [string, number][] = [
      ['anonymous', 404],
      ['nonMember', 404],
      ['otherAnimator', 404],
      ['member', 200],
      ['animator', 200],
      ['staff', 200],
      ['admin', 200],
    ];
    it.each(readers)('private library: %s → %i on the library, the document, its download and its search', async (name, status) => {
      const client = who(name);
      expect((await client.get(`${V1}/networks/${priv}/documents`)).status).toBe(status);
      expect((await client.get(`${V1}/documents/${privDoc.id}`)).status).toBe(status);
      const download = await raw(client, `${V1}/documents/${privDoc.id}/versions/1/download`);
      expect(download.status).toBe(status);
      if (status === 404) expect(download.bytes.includes(Buffer.from('%PDF'))).toBe(false);
      expect((await client.get(`${V1}/networks/${priv}/documents/search?q=matrice`)).status).toBe(status);
    });

    it.each([
      ['anonymous', 401],
      ['nonMember', 404],
      ['otherAnimator', 404],
      ['member', 201],
      ['animator', 201],
      ['staff', 201],
      ['admin', 201],
    ] as [string, number][])('private library: %s uploads → %i', async (name, status) => {
      expect((await upload(who(name), `${V1}/networks/${priv}/documents`, PDF, 'essai.pdf')).status).toBe(status);
      expect((await upload(who(name), `${V1}/documents/${privDoc.id}/versions`, PDF, 'essai.pdf')).status).toBe(status);
    });

    it('public library: everyone reads and downloads; only members write', async () => {
      expect((await anonymous.get(`${V1}/networks/${pub}/documents`)).body.rights).toEqual({ write: false, manage: false });
      expect((await raw(anonymous, `${V1}/documents/${pubDoc.id}/versions/1/download`)).bytes.equals(PDF)).toBe(true);
      expect((await upload(anonymous, `${V1}/networks/${pub}/documents`, PDF, 'a.pdf')).status).toBe(401);
      expect((await upload(nonMember.client, `${V1}/networks/${pub}/documents`, PDF, 'a.pdf')).status).toBe(403);
      expect((await nonMember.client.post(`${V1}/networks/${pub}/documents/folders`, { name: 'x' })).status).toBe(403);
      expect((await nonMember.client.post(`${V1}/documents/${pubDoc.id}/versions/1/restore`)).status).toBe(403);
      expect((await animator.client.get(`${V1}/networks/${pub}/documents`)).body.rights).toEqual({ write: true, manage: true });
    });
  });

  describe('animators-only folders', () => {
    let restricted: { id: string };
    let below: { id: string };
    let secretDoc: Uploaded;
    const title = `Budget confidentiel ${CANARY}b`;

    beforeAll(async () => {
      restricted = await folder(animator, priv, { name: 'Bureau', animatorsOnly: true });
      below = await folder(animator, priv, { name: 'Finances', parentId: restricted.id });
      secretDoc = await uploadOk(animator, priv, PDF, 'budget.pdf', { title }, below.id);
      await relay();
    });

    it('members may not create one', async () => {
      expect((await member.client.post(`${V1}/networks/${priv}/documents/folders`, { name: 'X', animatorsOnly: true })).status).toBe(403);
    });

    it('is absent for members: not listed, its folders, documents and files not found', async () => {
      const root = await member.client.get(`${V1}/networks/${priv}/documents`);
      expect(root.body.folders.map((f: { id: string }) => f.id)).not.toContain(restricted.id);
      const options = (await member.client.get(`${V1}/networks/${priv}/documents/folders`)).body.map((f: { id: string }) => f.id);
      expect(options).not.toContain(restricted.id);
      expect(options).not.toContain(below.id);
      const managerOptions = (await animator.client.get(`${V1}/networks/${priv}/documents/folders`)).body as { id: string; path: string }[];
      expect(managerOptions.find((f) => f.id === below.id)?.path).toBe('Bureau / Finances');
      for (const path of [
        `${V1}/networks/${priv}/documents?folderId=${restricted.id}`,
        `${V1}/networks/${priv}/documents?folderId=${below.id}`,
        `${V1}/documents/${secretDoc.id}`,
      ]) {
        expect((await member.client.get(path)).status).toBe(404);
      }
      expect((await raw(member.client, `${V1}/documents/${secretDoc.id}/versions/1/download`)).status).toBe(404);
      expect((await upload(member.client, `${V1}/networks/${priv}/documents?folderId=${below.id}`, PDF, 'a.pdf')).status).toBe(400);
      expect((await upload(member.client, `${V1}/documents/${secretDoc.id}/versions`, PDF, 'a.pdf')).status).toBe(404);
      expect(await searchTitles(member.client, `${CANARY}b`)).toEqual([]);
      expect((await member.client.get(`${V1}/networks/${priv}/documents/search?q=${CANARY}b`)).body.items).toEqual([]);
    });

    it('is there for the animators, host staff and admins, in the library and in search', async () => {
      for (const who of [animator, staff, admin]) {
        expect(
          (await who.client.get(`${V1}/networks/${priv}/documents?folderId=${below.id}`)).body.documents.map(
            (d: { title: string }) => d.title,
          ),
        ).toEqual([title]);
        expect(await searchTitles(who.client, `${CANARY}b`)).toEqual([title]);
      }
      expect(
        (await animator.client.get(`${V1}/networks/${priv}/documents/search?q=${CANARY}b`)).body.items.map((i: { id: string }) => i.id),
      ).toEqual([secretDoc.id]);
    });

    it('opening the folder to members makes its documents findable; closing it hides them again', async () => {
      expect((await animator.client.patch(`${V1}/documents/folders/${restricted.id}`, { animatorsOnly: false })).status).toBe(200);
      await relay();
      expect(await searchTitles(member.client, `${CANARY}b`)).toEqual([title]);
      expect((await member.client.get(`${V1}/documents/${secretDoc.id}`)).status).toBe(200);
      expect((await animator.client.patch(`${V1}/documents/folders/${restricted.id}`, { animatorsOnly: true })).status).toBe(200);
      await relay();
      expect(await searchTitles(member.client, `${CANARY}b`)).toEqual([]);
      expect((await member.client.get(`${V1}/documents/${secretDoc.id}`)).status).toBe(404);
    });
  });

  describe('search and the canary', () => {
    let canaryDoc: Uploaded;
    beforeAll(async () => {
      canaryDoc = await uploadOk(member, priv, PDF, 'canari.pdf', {
        title: `Étude ${CANARY}`,
        description: `Diagnostic ${CANARY}d des achats`,
      });
      await uploadOk(member, pub, PDF, 'ouvert.pdf', { title: `Guide ouvert p${CANARY}` });
      await relay();
    });

    it("finds a private network's documents for its members, by title and by description", async () => {
      expect(await searchTitles(member.client, CANARY)).toEqual([`Étude ${CANARY}`]);
      expect(await searchTitles(member.client, `${CANARY}d`)).toEqual([`Étude ${CANARY}`]);
      const inLibrary = await member.client.get(`${V1}/networks/${priv}/documents/search?q=${CANARY}`);
      expect(inLibrary.body.items).toEqual([
        expect.objectContaining({ id: canaryDoc.id, fileName: 'canari.pdf', mimeType: 'application/pdf' }),
      ]);
    });

    it("never shows a private network's document titles to a non-member: REST, search, library search", async () => {
      for (const client of [anonymous, nonMember.client, otherAnimator.client]) {
        const answers: HttpResponse[] = [
          await client.get(`${V1}/search?q=${CANARY}`),
          await client.get(`${V1}/search?q=${CANARY}d&kind=document`),
          await client.get(`${V1}/search/suggest?q=${CANARY}`),
          await client.get(`${V1}/networks/${priv}/documents`),
          await client.get(`${V1}/networks/${priv}/documents/search?q=${CANARY}`),
          await client.get(`${V1}/documents/${canaryDoc.id}`),
        ];
        for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain(`Étude ${CANARY}`);
      }
    });

    it("a public network's documents are public; the library search stays within its network", async () => {
      expect(await searchTitles(anonymous, `p${CANARY}`)).toEqual([`Guide ouvert p${CANARY}`]);
      expect(
        (await member.client.get(`${V1}/networks/${pub}/documents/search?q=p${CANARY}`)).body.items.map((i: { title: string }) => i.title),
      ).toEqual([`Guide ouvert p${CANARY}`]);
      // The private network's document is not in the public library's results.
      expect((await member.client.get(`${V1}/networks/${pub}/documents/search?q=${CANARY}`)).body.items).toEqual([]);
    });

    it('a network turned private takes its documents out of public search', async () => {
      const name = 'Club bientôt privé';
      const club = (await world.createNetwork({ name })).id;
      await world.enrol(club, member);
      await uploadOk(member, club, PDF, 'guide.pdf', { title: `Guide interne q${CANARY}` });
      await relay();
      expect(await searchTitles(anonymous, `q${CANARY}`)).toEqual([`Guide interne q${CANARY}`]);
      const update = { ...NETWORK_DEFAULTS, name, hostOrganizationId: world.hostId, visibility: 'private', joinPolicy: 'approval' };
      expect((await staff.client.put(`${V1}/networks/${club}`, update)).status).toBe(200);
      await relay();
      expect(await searchTitles(anonymous, `q${CANARY}`)).toEqual([]);
      expect(await searchTitles(member.client, `q${CANARY}`)).toEqual([`Guide interne q${CANARY}`]);
    });

    it('deleted documents leave the index', async () => {
      expect((await member.client.delete(`${V1}/documents/${canaryDoc.id}`)).status).toBe(204);
      await relay();
      expect(await searchTitles(member.client, CANARY)).toEqual([]);
    });

    it('refuses an empty query', async () => {
      expect((await member.client.get(`${V1}/networks/${priv}/documents/search?q=`)).status).toBe(400);
    });
  });
});
