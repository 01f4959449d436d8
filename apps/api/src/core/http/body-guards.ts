import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/config';
import { AppException } from '../errors/app-exception';
import { errorBody } from '../errors/http-exception.filter';

/** Where `@ApiConsumes` keeps a route's documented body types (@nestjs/swagger's DECORATORS.API_CONSUMES). */
const API_CONSUMES = 'swagger/apiConsumes';
const JSON_ONLY = ['application/json'];

function hasBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function mediaType(req: FastifyRequest): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A request body must be of a type its route documents (`@ApiConsumes`, JSON otherwise): a
 * URL-encoded form or a multipart body sent to a JSON route is refused (415), so a page elsewhere
 * cannot drive the API with a plain HTML form.
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (!hasBody(req) && req.headers['content-type'] === undefined) return true;
    const documented = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [context.getHandler(), context.getClass()]);
    const accepted = documented?.length ? documented : JSON_ONLY;
    const given = mediaType(req);
    if (!accepted.includes(given)) {
      if (accepted.length === 1 && accepted[0] === 'multipart/form-data') {
        throw new AppException(415, 'MULTIPART_REQUIRED', 'Send the file as multipart/form-data', { accepted });
      }
      throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', `This route accepts ${accepted.join(' or ')}`, { accepted });
    }
    return true;
  }
}

/**
 * Body timeouts: a request whose body stops arriving for BODY_IDLE_TIMEOUT_MS, or takes longer than
 * BODY_TIMEOUT_MS (UPLOAD_TIMEOUT_MS for multipart uploads) to arrive, is answered 408 and its
 * connection closed; the handler waiting for the body then fails and releases what it held.
 */
export function guardBodies(fastify: FastifyInstance, config: AppConfig): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    if (!hasBody(req)) return done();
    const socket = req.raw.socket;
    const started = Date.now();
    const total = mediaType(req).startsWith('multipart/') ? config.UPLOAD_TIMEOUT_MS : config.BODY_TIMEOUT_MS;
    const idle = config.BODY_IDLE_TIMEOUT_MS;
    let lastBytes = socket.bytesRead;
    let lastProgress = started;
    const tick = Math.max(25, Math.min(1000, Math.floor(idle / 4)));
    const timer = setInterval(() => {
      // The whole message has arrived (read or not): the connection may already carry the next request.
      if (req.raw.complete) return stop();
      const now = Date.now();
      if (socket.bytesRead !== lastBytes) {
        lastBytes = socket.bytesRead;
        lastProgress = now;
      }
      if (now - lastProgress >= idle || now - started >= total) timeOut(req, reply, now - lastProgress >= idle ? 'idle' : 'total', stop);
    }, tick);
    timer.unref();
    const stop = () => clearInterval(timer);
    // Watched until the whole body has arrived, even after an early answer (a 415, a 413): a connection
    // whose body stalls is closed rather than kept open for ever.
    req.raw.once('end', stop);
    req.raw.once('close', stop);
    done();
  });
}

function timeOut(req: FastifyRequest, reply: FastifyReply, why: 'idle' | 'total', stop: () => void): void {
  stop();
  const message = why === 'idle' ? 'The request body stopped arriving' : 'The request body took too long to arrive';
  const error = new AppException(408, 'REQUEST_TIMEOUT', message);
  if (!reply.sent) {
    reply.raw.once('finish', () => req.raw.destroy());
    void reply
      .status(408)
      .header('connection', 'close')
      .send(errorBody(error, String(req.id)));
  } else {
    req.raw.destroy();
  }
}

/**
 * Whether cookies set on this request are `Secure`: the request came over https (directly, or
 * through a trusted proxy's X-Forwarded-Proto). Session, CSRF and device cookies all follow it.
 */
export function secureCookies(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}
