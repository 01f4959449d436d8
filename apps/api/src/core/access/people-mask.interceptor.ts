import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import { AccessPolicy } from './access-policy.service';
import type { Actor } from './actor';

/** A person as answers carry one: `{ personId | id, firstName, lastName }` (authors, members, organisers' refs). */
type PersonLike = Record<string, unknown> & { firstName: string; lastName: string };

const personIdOf = (value: PersonLike): string | null =>
  typeof value.personId === 'string' ? value.personId : typeof value.id === 'string' ? value.id : null;

function isPersonLike(value: unknown): value is PersonLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PersonLike).firstName === 'string' &&
    typeof (value as PersonLike).lastName === 'string'
  );
}

/** A plain object (of any realm: structuredClone's copies come from Node's own). */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || (proto as { constructor?: { name?: string } }).constructor?.name === 'Object';
}

/** Walks an answer: every person-like object, and every `{ authorId, authorName }` pair (quotes). */
function walk(value: unknown, visit: (node: Record<string, unknown>) => void, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (!Array.isArray(value) && !isPlainObject(value)) return; // streams, buffers, dates
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit, depth + 1);
    return;
  }
  visit(value as Record<string, unknown>);
  for (const child of Object.values(value)) walk(child, visit, depth + 1);
}

/** A person the reader may not see keeps their place in the answer but loses their name, id and contacts. */
function hidePerson(node: PersonLike): void {
  node.firstName = '';
  node.lastName = '';
  if ('personId' in node) node.personId = '';
  else node.id = '';
  for (const key of ['photoUrl', 'jobTitle', 'bio', 'email', 'phone']) if (key in node) node[key] = null;
}

/**
 * Applies the people rule (AccessPolicy.canSeePerson) to every answer an anonymous visitor reads, whatever the
 * path: a person they may not see keeps their place in the answer (an author stays an author) but loses their
 * name, job title, photo and id. Services still filter lists themselves (company members); this is the net
 * that holds for every other path, present and future.
 */
@Injectable()
export class PeopleMaskInterceptor implements NestInterceptor {
  constructor(private readonly access: AccessPolicy) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // Reads only: a write (sign-up, sign-in, a profile saved) answers about the person who made it.
    if (request.method !== 'GET' && request.method !== 'HEAD') return next.handle();
    const actor = request.actor;
    if (actor) return next.handle().pipe(mergeMap((body: unknown) => from(this.maskForMember(actor, body))));
    return next.handle().pipe(mergeMap((body: unknown) => from(this.mask(body))));
  }

  /**
   * Signed-in readers: each person's privacy settings (AccessPolicy.peopleDisclosure) decide whether their name
   * shows and whether their e-mail and phone, wherever an answer carries them.
   */
  private async maskForMember(actor: Actor, body: unknown): Promise<unknown> {
    if (body === null || typeof body !== 'object') return body;
    const ids: string[] = [];
    walk(body, (node) => {
      if (isPersonLike(node)) {
        const id = personIdOf(node);
        if (id) ids.push(id);
      }
      if (typeof node.authorId === 'string' && typeof node.authorName === 'string') ids.push(node.authorId);
    });
    if (!ids.length) return body;
    const disclosed = await this.access.peopleDisclosure(actor, ids);
    if (![...disclosed.values()].some((d) => !d.profile || !d.email || !d.phone)) return body;
    const masked = structuredClone(body);
    walk(masked, (node) => {
      if (isPersonLike(node)) {
        const id = personIdOf(node);
        const d = id ? disclosed.get(id) : undefined;
        if (d && !d.profile) hidePerson(node);
        if (d && !d.email && 'email' in node) node.email = null;
        if (d && !d.phone && 'phone' in node) node.phone = null;
      }
      if (typeof node.authorId === 'string' && disclosed.get(node.authorId)?.profile === false) {
        node.authorId = null;
        node.authorName = '';
      }
    });
    return masked;
  }

  private async mask(body: unknown): Promise<unknown> {
    if (body === null || typeof body !== 'object') return body;
    // Answers that say whether a person is a listed expert are decided in place; the others with one query.
    const hidden = new Set<string>();
    const unknown: string[] = [];
    const note = (id: string, isExpert: unknown) => {
      // A listed expert may still have narrowed who sees their profile: their settings are read with the unknown.
      if (isExpert === false) hidden.add(id);
      else unknown.push(id);
    };
    walk(body, (node) => {
      if (isPersonLike(node)) {
        const id = personIdOf(node);
        if (id) note(id, node.isExpert);
      }
      if (typeof node.authorId === 'string' && typeof node.authorName === 'string') note(node.authorId, node.authorIsExpert);
    });
    for (const id of await this.access.hiddenPeopleAmong(null, unknown)) hidden.add(id);
    if (!hidden.size) return body;
    // A copy: the answer may be a cached object shared with other readers.
    const masked = structuredClone(body);
    walk(masked, (node) => {
      if (isPersonLike(node)) {
        const id = personIdOf(node);
        if (id && hidden.has(id)) hidePerson(node);
      }
      if (typeof node.authorId === 'string' && hidden.has(node.authorId)) {
        node.authorId = null;
        node.authorName = '';
      }
    });
    return masked;
  }
}
