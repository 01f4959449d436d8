import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../../core/errors/app-exception';
import { IS_PUBLIC } from './identity.decorators';
import { SESSION_COOKIE, SessionService } from './session.service';

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
    request.actor = token ? await this.sessions.resolve(token) : null;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic && !request.actor) throw AppException.unauthorized();
    return true;
  }
}
