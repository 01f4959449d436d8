import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import { parse } from 'csv-parse/sync';
import { type UploadSource } from '../../core/storage/upload-source';
import { filetypeinfo } from 'magic-bytes.js';
import { DataSource, QueryFailedError } from 'typeorm';
import type { DirectoryImport as ImportView, DirectoryImportPage, DirectoryImportSummary } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import type { ListQueryDto } from '../../core/http/query.dto';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { sanitizeFilename } from '../../core/storage/files.service';
import { importSirene, SIRENE_COLUMNS, type ImportReport } from './directory.imports';
import { DirectoryImport } from './entities/directory-import.entity';

/** Rejected lines kept for display (the count stays exact). */
export const REJECTIONS_KEPT = 100;
/** A queued or running import whose heartbeat is older than this belongs to a process that stopped. */
const STALE_SECONDS = 30;
const HEARTBEAT_MS = 5_000;
/** Progress is written at most this often. */
const PROGRESS_MS = 500;
/** Bytes read to check that the upload is a CSV text with the StockEtablissement header. */
const SNIFF_BYTES = 64 * 1024;
const INTERRUPTED = 'interrupted';

class Interrupted extends Error {
  constructor() {
    super(INTERRUPTED);
  }
}

type Report = ImportReport & { rejectedCount?: number };

/**
 * SIRENE StockEtablissement files uploaded by platform admins: streamed to a temporary file under
 * DATA_DIR, then imported in the background by the same function as `npm run import:sirene`, one
 * import at a time (a unique index), with its progress kept in `directory_imports`.
 */
@Injectable()
export class SireneUploadsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SireneImport');
  private current: { id: string; stopping: boolean; done: Promise<void> } | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly indexer: SearchIndexer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get folder(): string {
    return join(this.config.DATA_DIR, 'tmp', 'sirene-imports');
  }

  private fileOf(id: string): string {
    return join(this.folder, `${id}.csv`);
  }

  /**
   * An import left queued or running by a stopped process is marked failed ('interrupted'). The
   * embedded database belongs to this process alone: at its boot, every such import is.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.sweep(!this.config.DATABASE_URL);
  }

  /** On shutdown, the running import stops after its current batch and is marked interrupted. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.current) return;
    this.current.stopping = true;
    await this.current.done;
  }

  private async sweep(all = false): Promise<void> {
    const rows: { id: string }[] = await this.db
      .query(
        `UPDATE directory_imports SET status = 'failed', active = NULL, error = $1, finished_at = now()
       WHERE active AND id IS DISTINCT FROM $2 AND ($3 OR heartbeat_at < now() - make_interval(secs => $4))
       RETURNING id`,
        [INTERRUPTED, this.current?.id ?? null, all, STALE_SECONDS],
      )
      .then((r: [{ id: string }[], number] | { id: string }[]) =>
        Array.isArray(r[0]) ? (r[0] as { id: string }[]) : (r as { id: string }[]),
      );
    for (const { id } of rows) await rm(this.fileOf(id), { force: true });
  }

  async list(actor: Actor, query: ListQueryDto): Promise<DirectoryImportPage> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    await this.sweep();
    const [rows, total] = await this.db.manager.findAndCount(DirectoryImport, {
      relations: { startedBy: true },
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: rows.map(toSummary),
      total,
      page: query.page,
      pageSize: query.pageSize,
      maxUploadBytes: this.config.SIRENE_UPLOAD_MAX_BYTES,
    };
  }

  async get(actor: Actor, id: string): Promise<ImportView> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    await this.sweep();
    const row = await this.db.manager.findOne(DirectoryImport, { where: { id }, relations: { startedBy: true } });
    if (!row) throw AppException.notFound('Import');
    return { ...toSummary(row), rejected: row.rejected, rejectedKept: REJECTIONS_KEPT };
  }

  /**
   * Receives the file of a multipart request (streamed to disk, size-limited, checked to be a CSV
   * text with the StockEtablissement columns), then starts its import in the background.
   * 409 while another import is queued or running; nothing is kept on a refused upload.
   */
  async start(actor: Actor, source: UploadSource): Promise<ImportView> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    if (!source.multipart) throw AppException.badRequest('MULTIPART_REQUIRED', 'Send the file as multipart/form-data');
    await this.sweep();
    const id = await this.claim(actor);
    const path = this.fileOf(id);
    const heartbeat = setInterval(() => void this.beat(id), HEARTBEAT_MS).unref();
    try {
      const fileName = await this.receive(source, path);
      const { size } = await stat(path);
      await this.check(path, size);
      await this.db.manager.update(DirectoryImport, id, {
        fileName,
        bytesTotal: String(size),
        status: 'running',
        startedAt: new Date(),
        heartbeatAt: new Date(),
      });
    } catch (err) {
      clearInterval(heartbeat);
      await rm(path, { force: true });
      await this.db.manager.delete(DirectoryImport, id);
      throw err;
    }
    const run = { id, stopping: false, done: Promise.resolve() };
    run.done = this.run(run, path).finally(() => {
      clearInterval(heartbeat);
      this.current = null;
    });
    this.current = run;
    return this.get(actor, id);
  }

  /** Takes the single import slot (the unique index on `active`). */
  private async claim(actor: Actor): Promise<string> {
    try {
      const row = await this.db.manager.save(DirectoryImport, {
        status: 'queued',
        active: true,
        fileName: '',
        startedById: actor.personId,
        rejected: [],
      } as Partial<DirectoryImport>);
      return row.id;
    } catch (err) {
      if (!(err instanceof QueryFailedError) || (err.driverError as { code?: string }).code !== '23505') throw err;
      const active = await this.db.manager.findOneBy(DirectoryImport, { active: true });
      throw AppException.conflict('IMPORT_ALREADY_RUNNING', 'Another import is in progress: wait for it to finish', {
        importId: active?.id ?? null,
      });
    }
  }

  private async beat(id: string): Promise<void> {
    await this.db.query('UPDATE directory_imports SET heartbeat_at = now() WHERE id = $1 AND active', [id]).catch(() => undefined);
  }

  /** Streams the request's single file to `path`; returns its display name. */
  private async receive(source: UploadSource, path: string): Promise<string> {
    const max = this.config.SIRENE_UPLOAD_MAX_BYTES;
    const tooLarge = () => new AppException(413, 'FILE_TOO_LARGE', `The file exceeds ${max} bytes`, { maxBytes: max });
    let part: MultipartFile | undefined;
    try {
      part = await source.file({ fileSize: max, files: 1 }, false);
      if (!part) throw AppException.badRequest('FILE_REQUIRED', 'No file was sent');
      await mkdir(this.folder, { recursive: true });
      await pipeline(part.file, createWriteStream(path, { flags: 'wx' }));
      if (part.file.truncated) throw tooLarge();
      return sanitizeFilename(part.filename, 'csv');
    } catch (err) {
      if (err instanceof AppException) throw err;
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw AppException.badRequest('INVALID_UPLOAD', 'The upload could not be read');
    }
  }

  /** 415 unless the file starts as UTF-8 text; 422 unless its header names StockEtablissement's columns. */
  private async check(path: string, size: number): Promise<void> {
    const notCsv = () =>
      new AppException(415, 'UNSUPPORTED_FILE_TYPE', 'Send the StockEtablissement file as an uncompressed CSV text (UTF-8)');
    if (size === 0) throw new AppException(422, 'INVALID_SIRENE_FILE', 'The file is empty');
    const handle = await open(path, 'r');
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    if (head.includes(0) || filetypeinfo(head).some((t) => t.mime && !t.mime.startsWith('text/'))) throw notCsv();
    const newline = head.indexOf(0x0a);
    if (newline < 0 && size > head.length) throw new AppException(422, 'INVALID_SIRENE_FILE', 'The first line is not a CSV header');
    let firstLine: string;
    try {
      firstLine = new TextDecoder('utf-8', { fatal: true }).decode(newline < 0 ? head : head.subarray(0, newline));
    } catch {
      throw notCsv();
    }
    let header: string[] = [];
    try {
      [header = []] = parse(firstLine, { bom: true, trim: true, relax_column_count: true }) as string[][];
    } catch {
      // Reported below as missing columns.
    }
    const missing = SIRENE_COLUMNS.filter((c) => !header.includes(c));
    if (missing.length) {
      throw new AppException(422, 'INVALID_SIRENE_FILE', `Not an INSEE StockEtablissement file: missing column(s) ${missing.join(', ')}`, {
        missingColumns: missing,
      });
    }
  }

  private async run(run: { id: string; stopping: boolean }, path: string): Promise<void> {
    const input: ReadStream = createReadStream(path);
    let saving: Promise<unknown> = Promise.resolve();
    let last = 0;
    const progress = (report: Report, extra: Partial<DirectoryImport> = {}) => {
      const values: Partial<DirectoryImport> = {
        bytesRead: String(input.bytesRead),
        linesRead: report.read,
        imported: report.imported,
        created: report.created ?? 0,
        updated: report.updated ?? 0,
        skippedClosed: report.skipped,
        rejectedCount: report.rejectedCount ?? report.rejected.length,
        rejected: [...report.rejected],
        heartbeatAt: new Date(),
        ...extra,
      };
      saving = saving
        .then(() => this.db.manager.update(DirectoryImport, run.id, values as never))
        .catch((err: Error) => {
          this.logger.warn(`import ${run.id}: progress not saved (${err.message})`);
        });
    };
    // The final state is written once the file is gone: whoever sees "done" or "failed" finds no leftover.
    let finish: () => void = () => undefined;
    try {
      const report = await importSirene(this.db, this.indexer, input, {
        keepRejections: REJECTIONS_KEPT,
        onProgress: (r) => {
          if (run.stopping) throw new Interrupted();
          if (Date.now() - last < PROGRESS_MS) return;
          last = Date.now();
          progress(r);
        },
      });
      finish = () => progress(report, { status: 'done', active: null, bytesRead: String(input.bytesRead), finishedAt: new Date() });
    } catch (err) {
      const message = err instanceof Interrupted ? INTERRUPTED : String((err as Error).message ?? err).slice(0, 500);
      if (!(err instanceof Interrupted)) this.logger.warn(`import ${run.id} failed: ${message}`);
      finish = () => {
        saving = saving.then(() =>
          this.db.manager.update(DirectoryImport, run.id, {
            status: 'failed',
            active: null,
            error: message,
            finishedAt: new Date(),
          } as never),
        );
      };
    } finally {
      input.destroy();
      await rm(path, { force: true });
      finish();
      await saving.catch((err: Error) => this.logger.error(`import ${run.id}: final state not saved (${err.message})`));
    }
  }
}

function toSummary(row: DirectoryImport): DirectoryImportSummary {
  const by = row.startedBy;
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    bytesTotal: Number(row.bytesTotal),
    bytesRead: Number(row.bytesRead),
    linesRead: row.linesRead,
    imported: row.imported,
    created: row.created,
    updated: row.updated,
    skippedClosed: row.skippedClosed,
    rejectedCount: row.rejectedCount,
    error: row.error,
    startedBy: by ? { id: by.id, name: `${by.firstName} ${by.lastName}`.trim() } : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
