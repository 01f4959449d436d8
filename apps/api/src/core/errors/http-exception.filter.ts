import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '@maillage/contracts';
import { AppException } from './app-exception';
import { fromDatabaseError } from './database-errors';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  411: 'LENGTH_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADERS_TOO_LARGE',
};

/** Fastify's own error codes, as the stable codes of the documented error shape. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_BAD_URL: 'INVALID_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'MULTIPART_REQUIRED',
};

/** The HTTP status an error stands for: its own 4xx, a database constraint's, else 500. */
export function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const mapped = fromDatabaseError(exception);
  if (mapped) return mapped.getStatus();
  const status = (exception as { statusCode?: number; status?: number })?.statusCode ?? (exception as { status?: number })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

/** `{ code, message, details?, correlationId }` for anything thrown, by any layer; 5xx never show internals. */
export function errorBody(exception: unknown, correlationId: string): ApiError {
  const app = exception instanceof AppException ? exception : fromDatabaseError(exception);
  if (app) return { code: app.code, message: app.message, details: app.details, correlationId };
  const status = statusOf(exception);
  if (status >= 500) return { code: 'INTERNAL_ERROR', message: 'An internal error occurred', correlationId };
  const raw = exception instanceof HttpException ? exception.getResponse() : exception;
  const given = typeof raw === 'string' ? raw : (raw as { message?: unknown })?.message;
  const message = Array.isArray(given) ? given.join(', ') : String(given || HttpStatus[status] || 'Request rejected');
  const fastifyCode = (exception as { code?: unknown })?.code;
  // Nest turns Fastify plugin errors into plain HttpExceptions: the CSRF ones are known by their message.
  const code =
    status === 403 && /csrf/i.test(message)
      ? 'CSRF_INVALID'
      : ((typeof fastifyCode === 'string' ? FASTIFY_CODES[fastifyCode] : undefined) ?? CODES[status] ?? 'BAD_REQUEST');
  return { code, message: message.slice(0, 300), correlationId };
}

/** Turns anything thrown into `{ code, message, details?, correlationId }`; 5xx never show internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = errorBody(exception, String(request.id));
    const status = statusOf(exception);
    if (status >= 500) this.logger.error({ err: exception, correlationId: request.id }, 'Unhandled error');
    const retry = status === 429 ? (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
    if (retry) reply.header('retry-after', String(retry));
    if (reply.sent) return;
    reply.status(status).send(body);
  }
}
