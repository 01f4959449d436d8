import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';

export const IS_PUBLIC = 'maillage:isPublic';
/** The route answers anonymous visitors too (the actor is then null). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

declare module 'fastify' {
  interface FastifyRequest {
    actor?: MaybeActor;
    sessionToken?: string;
  }
}

/** The signed-in person (routes that are not @Public only). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw AppException.unauthorized();
  return actor;
});

/** The signed-in person or null (for @Public routes). */
export const OptionalActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): MaybeActor => ctx.switchToHttp().getRequest<FastifyRequest>().actor ?? null,
);
