import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, statusOf } from '../errors/http-exception.filter';

/**
 * Fastify's router errors (a path that is not valid percent-encoding, a path parameter over its
 * length) happen before any route, so before Nest's filter: they get the same shape here.
 */
export function frameworkErrors(error: Error, req: FastifyRequest, reply: FastifyReply): void {
  void reply.status(statusOf(error)).send(errorBody(error, String(req.id)));
}

/**
 * The last line of defence: an error answer from any layer (a plugin's own handler, a hook that
 * replied by itself) that is not `{ code, message, details?, correlationId }` is rewritten into it.
 */
export function shapeErrors(req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void): void {
  if (reply.statusCode < 400 || (typeof payload !== 'string' && payload !== null && payload !== undefined && !Buffer.isBuffer(payload))) {
    return done(null, payload);
  }
  const text = payload == null ? '' : payload.toString();
  let parsed: { code?: unknown; message?: unknown; correlationId?: unknown } | null = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed.code === 'string' && typeof parsed.message === 'string' && typeof parsed.correlationId === 'string') {
    return done(null, payload);
  }
  const status = reply.statusCode;
  const error = Object.assign(new Error(typeof parsed?.message === 'string' ? parsed.message : ''), {
    statusCode: status,
    code: typeof parsed?.code === 'string' ? parsed.code : undefined,
  });
  reply.header('content-type', 'application/json; charset=utf-8');
  reply.removeHeader('content-length');
  done(null, JSON.stringify(errorBody(error, String(req.id))));
}

/**
 * Requests Node's HTTP parser refuses before any route exists (malformed request line or headers,
 * headers over the size limit, a request that timed out): answered in the same shape, with a
 * correlation id of their own, then the connection is closed.
 */
export function clientErrors(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', 'The request headers are too large']
        : [400, 'BAD_REQUEST', 'The request is malformed'];
  const body = JSON.stringify({ code, message, correlationId: randomUUID() });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
