import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { filetypeinfo } from 'magic-bytes.js';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../errors/app-exception';
import sharp from 'sharp';
import { StoredFile } from './entities/stored-file.entity';
import type { SniffedType } from './file-inspection';
import { FILE_STORAGE, type FileStorage } from './storage';
import type { FileToSend, UploadSource } from './upload-source';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
/** Types that may be shown inline (previews): raster images and PDF; never SVG, HTML or text. */
const INLINE_TYPES = new Set<string>([...IMAGE_TYPES, 'application/pdf']);
/** Thumbnails are not made of images larger than this (about 7,000 × 7,000). */
export const THUMBNAIL_MAX_PIXELS = 50_000_000;

/**
 * What a public image is resized to when uploaded: logos fit inside a square, covers fill a wide band (cropped
 * around the most interesting region). Smaller images are never enlarged.
 */
export const IMAGE_SIZES = {
  logo: { width: 512, height: 512, fit: 'inside' },
  cover: { width: 1600, height: 600, fit: 'cover' },
} as const;
export type ImageRole = keyof typeof IMAGE_SIZES;

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
  async receive(upload: UploadSource, maxBytes = this.config.UPLOAD_MAX_BYTES): Promise<ReceivedUpload> {
    if (!upload.multipart) throw AppException.badRequest('MULTIPART_REQUIRED', 'Send the file as multipart/form-data');
    let part: MultipartFile | undefined;
    try {
      // Text fields (titles, descriptions) up to 8 KiB: the plugin's default would cut them at 1 KiB.
      part = await upload.file({ fileSize: maxBytes, files: 1, fieldSize: 8 * 1024 });
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

  async store(
    upload: { data: Buffer; filename: string },
    options: UploadOptions,
    manager: EntityManager = this.db.manager,
  ): Promise<StoredFile> {
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
  async storeThumbnail(
    data: Buffer,
    uploadedById: string,
    manager: EntityManager = this.db.manager,
    size = 320,
  ): Promise<StoredFile | null> {
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
    return this.storeTyped(
      { data: thumbnail, filename: 'thumbnail.webp' },
      { mime: 'image/webp', extension: 'webp' },
      { isPublic: false, uploadedById },
      manager,
    );
  }

  /**
   * Replaces the public image of an object (a company's or a network's logo): stores the uploaded
   * image (`upload` null: removes it), lets `swap` point the object at the new file in its own
   * transaction and return the previous one, then deletes the previous file. If `swap` fails, the
   * new file is deleted and the error goes on.
   */
  async replaceImage(
    upload: UploadSource | null,
    uploadedById: string,
    swap: (fileId: string | null) => Promise<string | null>,
    role: ImageRole = 'logo',
  ): Promise<void> {
    const file = upload ? await this.storeImage(await this.receive(upload), role, uploadedById) : null;
    let previous: string | null;
    try {
      previous = await swap(file?.id ?? null);
    } catch (err) {
      await this.remove(file?.id ?? null);
      throw err;
    }
    await this.remove(previous);
  }

  /**
   * A public image resized for its role (IMAGE_SIZES) through sharp, re-encoded in its own format (a GIF becomes a
   * still PNG), which also drops its metadata (camera, GPS position). Images larger than THUMBNAIL_MAX_PIXELS are
   * refused (415) from their header, before decoding; bytes sharp cannot decode but browsers may (a bad checksum)
   * are kept as they came, as before resizing existed.
   */
  async storeImage(
    upload: { data: Buffer; filename: string },
    role: ImageRole,
    uploadedById: string,
    manager: EntityManager = this.db.manager,
  ): Promise<StoredFile> {
    const sniffed = filetypeinfo(upload.data).find((t) => t.mime && (IMAGE_TYPES as readonly string[]).includes(t.mime));
    if (!sniffed?.mime) throw new AppException(415, 'UNSUPPORTED_FILE_TYPE', `Accepted types: ${IMAGE_TYPES.join(', ')}`);
    const header = await sharp(upload.data)
      .metadata()
      .catch(() => null);
    if (header?.width && header.height && header.width * header.height > THUMBNAIL_MAX_PIXELS) {
      throw new AppException(415, 'IMAGE_TOO_LARGE', `Images have at most ${THUMBNAIL_MAX_PIXELS} pixels`);
    }
    const resized = await this.resizeImage(upload.data, sniffed.mime, role);
    const type = resized?.type ?? { mime: sniffed.mime, extension: sniffed.extension ?? 'bin' };
    return this.storeTyped(
      { data: resized?.data ?? upload.data, filename: upload.filename },
      type,
      { isPublic: true, uploadedById },
      manager,
    );
  }

  private async resizeImage(data: Buffer, mime: string, role: ImageRole): Promise<{ data: Buffer; type: SniffedType } | null> {
    const size = IMAGE_SIZES[role];
    try {
      const image = sharp(data, { limitInputPixels: THUMBNAIL_MAX_PIXELS, animated: false })
        .rotate()
        .resize(size.width, size.height, {
          fit: size.fit,
          position: size.fit === 'cover' ? sharp.strategy.attention : undefined,
          withoutEnlargement: true,
        });
      if (mime === 'image/jpeg')
        return { data: await image.jpeg({ quality: 82, mozjpeg: true }).toBuffer(), type: { mime, extension: 'jpg' } };
      if (mime === 'image/webp') return { data: await image.webp({ quality: 82 }).toBuffer(), type: { mime, extension: 'webp' } };
      return { data: await image.png({ compressionLevel: 9 }).toBuffer(), type: { mime: 'image/png', extension: 'png' } };
    } catch {
      return null;
    }
  }

  async find(id: string): Promise<StoredFile | null> {
    return this.db.manager.findOneBy(StoredFile, { id });
  }

  /** The bytes of a stored file (data exports put a person's uploads in their ZIP). */
  async readBytes(file: StoredFile): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.read(file.storageKey))
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
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
  async send({ file, inline: asked }: FileToSend, reply: FastifyReply): Promise<void> {
    const stream = await this.storage.read(file.storageKey);
    const inline = asked && INLINE_TYPES.has(file.mimeType);
    reply
      .header('content-type', file.mimeType)
      .header('content-length', String(file.size))
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-security-policy',
        inline ? "default-src 'none'; img-src 'self'; frame-ancestors 'self'; sandbox" : "default-src 'none'; sandbox",
      )
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
