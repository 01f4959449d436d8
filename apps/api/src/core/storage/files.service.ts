import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { filetypeinfo } from 'magic-bytes.js';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../errors/app-exception';
import sharp from 'sharp';
import { StoredFile } from './entities/stored-file.entity';
import type { SniffedType } from './file-inspection';
import { FILE_STORAGE, type FileStorage } from './storage';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
/** Types that may be shown inline (previews): raster images and PDF; never SVG, HTML or text. */
const INLINE_TYPES = new Set<string>([...IMAGE_TYPES, 'application/pdf']);
/** Thumbnails are not made of images larger than this (about 7,000 × 7,000). */
export const THUMBNAIL_MAX_PIXELS = 50_000_000;

export interface ReceivedUpload {
  data: Buffer;
  filename: string;
  /** The text fields sent before the file part. */
  fields: Record<string, string>;
}

function textFields(part: MultipartFile): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === 'field' && typeof field.value === 'string') fields[name] = field.value;
  }
  return fields;
}

/** RFC 5987 `ext-value` characters: encodeURIComponent leaves a few that must be escaped too. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

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

  /**
   * Reads the single file of a multipart request (at most `maxBytes`, UPLOAD_MAX_BYTES by default), with the
   * text fields sent before it; 400/413 on anything else.
   */
  async receive(req: FastifyRequest, maxBytes = this.config.UPLOAD_MAX_BYTES): Promise<ReceivedUpload> {
    if (!req.isMultipart()) throw AppException.badRequest('MULTIPART_REQUIRED', 'Send the file as multipart/form-data');
    let part: MultipartFile | undefined;
    try {
      // Text fields (titles, descriptions) up to 8 KiB: the plugin's default would cut them at 1 KiB.
      part = await req.file({ limits: { fileSize: maxBytes, files: 1, fieldSize: 8 * 1024 } });
      if (!part) throw AppException.badRequest('FILE_REQUIRED', 'No file was sent');
      const data = await part.toBuffer();
      if (part.file.truncated) throw this.tooLarge(maxBytes);
      return { data, filename: part.filename, fields: textFields(part) };
    } catch (err) {
      if (err instanceof AppException) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw this.tooLarge(maxBytes);
      throw AppException.badRequest('INVALID_UPLOAD', 'The upload could not be read');
    }
  }

  private tooLarge(maxBytes: number) {
    return new AppException(413, 'FILE_TOO_LARGE', `The file exceeds ${maxBytes} bytes`, { maxBytes });
  }

  async store(upload: { data: Buffer; filename: string }, options: UploadOptions, manager: EntityManager = this.db.manager): Promise<StoredFile> {
    const sniffed = filetypeinfo(upload.data).find((t) => t.mime && options.allowedTypes.includes(t.mime));
    if (!sniffed?.mime) {
      throw new AppException(415, 'UNSUPPORTED_FILE_TYPE', `Accepted types: ${options.allowedTypes.join(', ')}`);
    }
    return this.storeTyped(upload, { mime: sniffed.mime, extension: sniffed.extension ?? 'bin' }, options, manager);
  }

  /** Stores bytes whose type the caller has established from them (see sniffDocument), under a generated key. */
  async storeTyped(
    upload: { data: Buffer; filename: string },
    type: SniffedType,
    options: Omit<UploadOptions, 'allowedTypes'>,
    manager: EntityManager = this.db.manager,
  ): Promise<StoredFile> {
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
    await this.storage.put(storageKey, upload.data, type.mime);
    return manager.save(StoredFile, {
      id,
      storageKey,
      originalName: sanitizeFilename(upload.filename, type.extension),
      mimeType: type.mime,
      size: upload.data.length,
      uploadedById: options.uploadedById,
      isPublic: options.isPublic,
    });
  }

  /**
   * A WebP thumbnail (at most `size` pixels wide and high) of a raster image, stored as a private file;
   * null when the image cannot be decoded or is larger than THUMBNAIL_MAX_PIXELS (decompression bombs).
   */
  async storeThumbnail(data: Buffer, uploadedById: string, manager: EntityManager = this.db.manager, size = 320): Promise<StoredFile | null> {
    let thumbnail: Buffer;
    try {
      thumbnail = await sharp(data, { limitInputPixels: THUMBNAIL_MAX_PIXELS, animated: false })
        .rotate()
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer();
    } catch {
      return null;
    }
    return this.storeTyped({ data: thumbnail, filename: 'thumbnail.webp' }, { mime: 'image/webp', extension: 'webp' }, { isPublic: false, uploadedById }, manager);
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

  /**
   * Streams the file as an attachment with nosniff; the caller has checked access. `inline` (PDF previews
   * and raster thumbnails only) shows it in the page instead, still sandboxed, framable by the app alone.
   */
  async send(file: StoredFile, reply: FastifyReply, options: { inline?: boolean } = {}): Promise<void> {
    const stream = await this.storage.read(file.storageKey);
    const inline = options.inline && INLINE_TYPES.has(file.mimeType);
    reply
      .header('content-type', file.mimeType)
      .header('content-length', String(file.size))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', inline ? "default-src 'none'; img-src 'self'; frame-ancestors 'self'; sandbox" : "default-src 'none'; sandbox")
      .header('cache-control', file.isPublic ? 'public, max-age=3600' : 'private, no-store')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeRfc5987(file.originalName)}`);
    if (inline) reply.header('x-frame-options', 'SAMEORIGIN');
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
