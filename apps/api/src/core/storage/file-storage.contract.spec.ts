// The FileStorage contract (DESIGN §2): every implementation passes the same suite. LocalFileStorage always;
// S3FileStorage when S3_ENDPOINT and S3_BUCKET name a reachable S3-compatible server (skipped with a printed reason otherwise).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { S3FileStorage } from './s3-file-storage';
import { LocalFileStorage, type FileStorage } from './storage';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const key = () => {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
};

function contract(name: string, make: () => { storage: FileStorage; cleanup: () => void | Promise<void> }) {
  describe(`FileStorage contract: ${name}`, () => {
    let storage: FileStorage;
    let cleanup: () => void | Promise<void>;
    beforeAll(() => ({ storage, cleanup } = make()));
    afterAll(() => cleanup());

    it('reads back exactly the bytes it stored', async () => {
      const k = key();
      const data = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
      await storage.put(k, data, 'application/octet-stream');
      expect((await bytes(await storage.read(k))).equals(data)).toBe(true);
    });

    it('keeps files apart and removes one without touching the other', async () => {
      const [a, b] = [key(), key()];
      await storage.put(a, Buffer.from('a'), 'text/plain');
      await storage.put(b, Buffer.from('b'), 'text/plain');
      await storage.remove(a);
      expect((await bytes(await storage.read(b))).toString()).toBe('b');
      await expect(storage.read(a).then(bytes)).rejects.toThrow();
    });

    it('ignores the removal of an absent file', async () => {
      await expect(storage.remove(key())).resolves.toBeUndefined();
    });

    it('stores an empty file', async () => {
      const k = key();
      await storage.put(k, Buffer.alloc(0), 'text/plain');
      expect((await bytes(await storage.read(k))).length).toBe(0);
    });
  });
}

contract('LocalFileStorage', () => {
  const root = mkdtempSync(join(tmpdir(), 'maillage-storage-'));
  return { storage: new LocalFileStorage(root), cleanup: () => rmSync(root, { recursive: true, force: true }) };
});

describe('LocalFileStorage keys', () => {
  it('refuses keys that are not generated ones (paths out of its folder)', async () => {
    const storage: FileStorage = new LocalFileStorage(mkdtempSync(join(tmpdir(), 'maillage-storage-')));
    await expect(storage.put('../../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/Invalid storage key/);
    await expect(storage.read('aa/../../x/yyyyyyyy')).rejects.toThrow(/Invalid storage key/);
  });
});

if (process.env.S3_ENDPOINT && process.env.S3_BUCKET) {
  contract(`S3FileStorage (${process.env.S3_ENDPOINT})`, () => {
    const storage = new S3FileStorage({
      endpoint: process.env.S3_ENDPOINT,
      bucket: process.env.S3_BUCKET!,
      region: process.env.S3_REGION ?? 'us-east-1',
      accessKeyId: process.env.S3_ACCESS_KEY_ID,
      secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: process.env.S3_FORCE_PATH_STYLE !== 'false',
    });
    return { storage, cleanup: () => storage.destroy() };
  });
} else {
  describe('FileStorage contract: S3FileStorage', () => {
    it('runs when S3_ENDPOINT and S3_BUCKET name a reachable S3-compatible server', () => {
      console.log('S3FileStorage contract not run: S3_ENDPOINT and S3_BUCKET are not set (no S3-compatible server here).');
      expect(process.env.S3_ENDPOINT && process.env.S3_BUCKET).toBeFalsy();
    });
  });
}
