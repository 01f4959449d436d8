import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor, MaybeActor } from '../access/actor';
import { AppException } from '../errors/app-exception';

export const IS_PUBLIC = 'maillage:isPublic';
/** The route answers anonymous visitors too (the actor is then null). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const BEFORE_ENROLMENT = 'maillage:beforeTwoFactorEnrolment';
/** The route serves a session that must enrol in two-factor sign-in first (enrolment itself, who am I, sign out). */
export const BeforeTwoFactorEnrolment = () => SetMetadata(BEFORE_ENROLMENT, true);

declare module 'fastify' {
  interface FastifyRequest {
    actor?: MaybeActor;
    sessionToken?: string;
    /** The session may only enrol in two-factor sign-in (routes marked BeforeTwoFactorEnrolment see its actor). */
    mustEnrolTwoFactor?: boolean;
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
