import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { filetypeinfo } from 'magic-bytes.js';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../errors/app-exception';
import { StoredFile } from './entities/stored-file.entity';
import { FILE_STORAGE, type FileStorage } from './storage';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export interface UploadOptions {
  allowedTypes: readonly string[];
  isPublic: boolean;
  uploadedById: string;
}

/** Uploads (size-limited, type-sniffed from the bytes, stored under generated names) and downloads. */
@Injectable()
export class FilesService {
  constructor(
    private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Reads the single file of a multipart request; 400/413/415 on anything else. */
  async receive(req: FastifyRequest): Promise<{ data: Buffer; filename: string }> {
    if (!req.isMultipart()) throw AppException.badRequest('MULTIPART_REQUIRED', 'Send the file as multipart/form-data');
    let part: MultipartFile | undefined;
    try {
      part = await req.file({ limits: { fileSize: this.config.UPLOAD_MAX_BYTES, files: 1 } });
      if (!part) throw AppException.badRequest('FILE_REQUIRED', 'No file was sent');
      const data = await part.toBuffer();
      if (part.file.truncated) throw this.tooLarge();
      return { data, filename: part.filename };
    } catch (err) {
      if (err instanceof AppException) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw this.tooLarge();
      throw AppException.badRequest('INVALID_UPLOAD', 'The upload could not be read');
    }
  }

  private tooLarge() {
    return new AppException(413, 'FILE_TOO_LARGE', `The file exceeds ${this.config.UPLOAD_MAX_BYTES} bytes`);
  }

  async store(upload: { data: Buffer; filename: string }, options: UploadOptions, manager: EntityManager = this.db.manager): Promise<StoredFile> {
    const sniffed = filetypeinfo(upload.data).find((t) => t.mime && options.allowedTypes.includes(t.mime));
    if (!sniffed?.mime) {
      throw new AppException(415, 'UNSUPPORTED_FILE_TYPE', `Accepted types: ${options.allowedTypes.join(', ')}`);
    }
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
    await this.storage.put(storageKey, upload.data, sniffed.mime);
    return manager.save(StoredFile, {
      id,
      storageKey,
      originalName: sanitizeFilename(upload.filename, sniffed.extension ?? 'bin'),
      mimeType: sniffed.mime,
      size: upload.data.length,
      uploadedById: options.uploadedById,
      isPublic: options.isPublic,
    });
  }

  /**
   * Replaces the public image of an object (a company's or a network's logo): stores the uploaded
   * image (`req` null: removes it), lets `swap` point the object at the new file in its own
   * transaction and return the previous one, then deletes the previous file. If `swap` fails, the
   * new file is deleted and the error goes on.
   */
  async replaceImage(req: FastifyRequest | null, uploadedById: string, swap: (fileId: string | null) => Promise<string | null>): Promise<void> {
    const file = req ? await this.store(await this.receive(req), { allowedTypes: IMAGE_TYPES, isPublic: true, uploadedById }) : null;
    let previous: string | null;
    try {
      previous = await swap(file?.id ?? null);
    } catch (err) {
      await this.remove(file?.id ?? null);
      throw err;
    }
    await this.remove(previous);
  }

  async find(id: string): Promise<StoredFile | null> {
    return this.db.manager.findOneBy(StoredFile, { id });
  }

  async remove(id: string | null): Promise<void> {
    if (!id) return;
    const file = await this.find(id);
    if (!file) return;
    await this.db.manager.delete(StoredFile, id);
    await this.storage.remove(file.storageKey);
  }

  /** Streams the file as an attachment with nosniff; the caller has checked access. */
  async send(file: StoredFile, reply: FastifyReply): Promise<void> {
    const stream = await this.storage.read(file.storageKey);
    reply
      .header('content-type', file.mimeType)
      .header('content-length', String(file.size))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', file.isPublic ? 'public, max-age=3600' : 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`);
    return reply.send(stream);
  }
}

/** Keeps a display name without paths, control characters or a misleading extension. */
export function sanitizeFilename(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\.[^.]*$/, '')
    .replace(/^\.+/, '')
    .slice(0, 100)
    .trim();
  return `${base || 'file'}.${extension}`;
}
