import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../../core/errors/app-exception';
import { BEFORE_ENROLMENT, IS_PUBLIC } from '../../core/auth/auth.decorators';
import { SESSION_COOKIE } from '../../core/auth/session-resolver';
import { SessionService } from './session.service';

/** Global guard: resolves the session cookie into `request.actor`; non-public routes need one. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    request.sessionToken = token;
    const session = token ? await this.sessions.resolveSession(token) : null;
    request.actor = session?.actor ?? null;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (session?.mustEnrolTwoFactor) {
      // Until two-factor sign-in is set up, the session opens the enrolment routes only; elsewhere it is anonymous or refused.
      request.mustEnrolTwoFactor = true;
      if (!this.reflector.getAllAndOverride<boolean>(BEFORE_ENROLMENT, [context.getHandler(), context.getClass()])) {
        request.actor = null;
        if (!isPublic) throw new AppException(HttpStatus.FORBIDDEN, 'TWO_FACTOR_ENROLMENT_REQUIRED', 'Set up two-factor sign-in first');
      }
    }
    if (!isPublic && !request.actor) throw AppException.unauthorized();
    return true;
  }
}
