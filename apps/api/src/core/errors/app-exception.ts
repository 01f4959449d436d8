import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError } from '@maillage/contracts';

/** A business error with a stable machine code; the only exception features throw. */
export class AppException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown> | FieldError[],
  ) {
    super({ code, message, details }, status);
  }

  static badRequest(code: string, message: string, details?: AppException['details']) {
    return new AppException(HttpStatus.BAD_REQUEST, code, message, details);
  }
  static unauthorized(message = 'Authentication required') {
    return new AppException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
  }
  static forbidden(message = 'You are not allowed to do this') {
    return new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
  }
  /** Also used for objects the caller may not see: not found and forbidden look the same. */
  static notFound(what = 'Resource') {
    return new AppException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`);
  }
  static conflict(code: string, message: string, details?: AppException['details']) {
    return new AppException(HttpStatus.CONFLICT, code, message, details);
  }
  static tooManyRequests(retryAfterSeconds: number) {
    return new AppException(HttpStatus.TOO_MANY_REQUESTS, 'TOO_MANY_REQUESTS', 'Too many attempts, try again later', {
      retryAfterSeconds,
    });
  }
}
