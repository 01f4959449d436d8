import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { StoredFile } from './entities/stored-file.entity';

/**
 * A request's multipart upload as services see it: a plain value the route hands over, read only when the service
 * is ready for it (after its access checks), so that services never hold the HTTP request.
 */
export interface UploadSource {
  /** Whether the request is multipart at all. */
  readonly multipart: boolean;
  /** The request's next file part with the fields sent before it, within `limits`; undefined when no file was sent. */
  file(limits: { fileSize: number; files: 1; fieldSize?: number }, throwFileSizeLimit?: boolean): Promise<MultipartFile | undefined>;
}

/** The route parameter: the request's upload (see UploadSource). */
export const Upload = createParamDecorator((_: unknown, ctx: ExecutionContext): UploadSource => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  return {
    multipart: req.isMultipart(),
    file: (limits, throwFileSizeLimit = true) => req.file({ limits, throwFileSizeLimit }),
  };
});

/** A stored file a service lets the caller receive; the route streams it (FilesService.send). */
export interface FileToSend {
  file: StoredFile;
  /** Shown in the page (PDF previews and raster thumbnails only), else an attachment. */
  inline?: boolean;
}
