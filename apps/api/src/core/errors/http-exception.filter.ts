import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '@maillage/contracts';
import { AppException } from './app-exception';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Turns anything thrown into `{ code, message, details?, correlationId }`; 5xx never show internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    const status = this.statusOf(exception);
    if (status >= 500) this.logger.error({ err: exception, correlationId: request.id }, 'Unhandled error');
    if (status === 429 && exception instanceof AppException) {
      const retry = (exception.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) reply.header('retry-after', String(retry));
    }
    reply.status(status).send(body);
  }

  private statusOf(exception: unknown): number {
    if (exception instanceof HttpException) return exception.getStatus();
    const status = (exception as { statusCode?: number })?.statusCode;
    return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
  }

  private toBody(exception: unknown, correlationId: string): ApiError {
    if (exception instanceof AppException) {
      return { code: exception.code, message: exception.message, details: exception.details, correlationId };
    }
    const status = this.statusOf(exception);
    if (status >= 500) return { code: 'INTERNAL_ERROR', message: 'An internal error occurred', correlationId };
    const raw = exception instanceof HttpException ? exception.getResponse() : exception;
    const message =
      typeof raw === 'string'
        ? raw
        : String((raw as { message?: unknown })?.message ?? HttpStatus[status] ?? 'Request rejected');
    // Nest turns Fastify plugin errors into plain HttpExceptions: the CSRF ones are known by their message.
    const code = status === 403 && /csrf/i.test(message) ? 'CSRF_INVALID' : (CODES[status] ?? 'BAD_REQUEST');
    return { code, message: Array.isArray(message) ? message.join(', ') : message, correlationId };
  }
}
