import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { signedInUser } from '../../../test/fixtures';
import { freshIp, freshSiret } from '../../../test/network-world';

/**
 * The bad-input suite: every operation of the running app's OpenAPI document gets at least 50
 * malformed requests (path parameters, query strings, headers, body types and encodings, field
 * values of the wrong type, size or characters, multipart bodies cut short or stalled), as an
 * anonymous visitor and as a signed-in person, both with a valid CSRF token. No answer may be a 5xx,
 * and every error answer has the documented shape.
 */

interface Operation {
  method: string;
  path: string;
  params: string[];
}

interface Variant {
  label: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const MIN_VARIANTS = 50;
const CONCURRENCY = 12;
const UUID = () => randomUUID();

const BAD_SEGMENTS = [
  'not-a-uuid',
  '0',
  '-1',
  '1e309',
  'null',
  'undefined',
  'a'.repeat(100),
  'a'.repeat(101),
  '%ZZ',
  '%00',
  '%0d%0aX-Injected:%201',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  "'%20OR%20'1'%3D'1",
  '%F0%9F%92%A9',
  '%C0%AF',
  '%FF%FE',
  '%7B%7D',
  '00000000-0000-0000-0000-000000000000',
  'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
  '%E2%80%AE',
  '%EF%BF%BF',
  'x%20y',
];

const BAD_QUERY_KEYS = ['page', 'pageSize', 'q', 'from'];
const BAD_QUERY_VALUES = ['-1', 'abc', '%00', 'x'.repeat(3000), '%ZZ'];
const EXTRA_QUERIES = [
  'unknown=1',
  'page=1&page=2',
  'page[]=1',
  '__proto__[admin]=1',
  'constructor[prototype][admin]=1',
  'q[$ne]=1',
  '&&&==',
  `${'k'.repeat(500)}=v`,
];

const BAD_VALUES: [string, unknown][] = [
  ['number', 12345],
  ['boolean', true],
  ['object', { nested: { deeper: 'x' } }],
  ['array', ['a', 1, null]],
  ['null', null],
  ['huge string', 'x'.repeat(20_000)],
  ['NUL', 'a\u0000b'],
  ['escape', '\u001b[2J'],
  ['lone surrogate', 'a\ud800b'],
  ['CRLF', 'a\r\nBEGIN:VEVENT'],
  ['bidi override', '\u202eevil'],
  ['empty', ''],
  ['blank', '   '],
  ['negative', -1],
  ['huge number', 1e308],
  ['float', 0.5],
  ['bad uuid', 'not-a-uuid'],
  ['bad date', '2026-13-45T25:61:00Z'],
  ['markup', '<img src=x onerror=alert(1)>'],
  ['sql', "'; DROP TABLE people; --"],
  ['big array', Array.from({ length: 1000 }, (_, i) => `v${i}`)],
];

const BOUNDARY = 'maillagebadinput';
const multipart = (parts: string) => Buffer.from(parts);
const FILE_PART = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n\u001a\n`;

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Requests that need no knowledge of the operation's fields. */
function genericVariants(op: Operation): Variant[] {
  const fill = (value: string) => op.path.replace(/\{[^}]+\}/g, value);
  const base = fill(UUID());
  const variants: Variant[] = [];
  if (op.params.length) {
    for (const segment of BAD_SEGMENTS) variants.push({ label: `param=${segment.slice(0, 20)}`, path: fill(segment) });
  } else {
    for (const [label, path] of [
      ['NUL appended', `${base}%00`],
      ['bad encoding appended', `${base}%ZZ`],
      ['long segment appended', `${base}/${'a'.repeat(300)}`],
      ['encoded prefix', base.replace('/api/', '/%61pi/')],
      ['dot segments', `${base}/..%2F..%2F`],
      ['matrix parameter', `${base};jsessionid=1`],
      ['trailing slash', `${base}/`],
      ['encoded slash', base.replace(/\/([^/]+)$/, '%2F$1')],
      ['double slash', base.replace('/api/v1/', '/api//v1/')],
      ['upper case', base.toUpperCase()],
      ['encoded NUL segment', `${base}/%00`],
      ['CRLF appended', `${base}%0d%0aSet-Cookie:%20x=1`],
    ]) {
      variants.push({ label, path });
    }
  }
  // Query strings matter most to reads; writes get a few.
  const keys = op.method === 'get' ? BAD_QUERY_KEYS : BAD_QUERY_KEYS.slice(0, 2);
  const values = op.method === 'get' ? BAD_QUERY_VALUES : BAD_QUERY_VALUES.slice(1, 4);
  for (const key of keys) {
    for (const value of values) variants.push({ label: `?${key}=${value.slice(0, 12)}`, path: `${base}?${key}=${value}` });
  }
  for (const query of op.method === 'get' ? EXTRA_QUERIES : EXTRA_QUERIES.slice(0, 4))
    variants.push({ label: `?${query.slice(0, 20)}`, path: `${base}?${query}` });
  variants.push(
    { label: 'accept xml', path: base, headers: { accept: 'application/xml' } },
    { label: 'garbage cookie', path: base, headers: { cookie: 'maillage_session=%ZZ; maillage_csrf=%00' } },
    { label: 'bearer token', path: base, headers: { authorization: 'Bearer x.y.z' } },
    { label: 'range', path: base, headers: { range: 'bytes=999999999-' } },
    { label: 'bad request id', path: base, headers: { 'x-request-id': '<script>' } },
    { label: 'big header', path: base, headers: { 'x-padding': 'p'.repeat(12_000) } },
    { label: 'foreign origin', path: base, headers: { origin: 'https://evil.example', referer: 'https://evil.example/' } },
    { label: 'junk validators', path: base, headers: { 'if-none-match': '"unterminated, W/', 'if-modified-since': 'yesterday' } },
    { label: 'junk language', path: base, headers: { 'accept-language': '*;q=abc,,,' } },
    { label: 'forwarded https', path: base, headers: { 'x-forwarded-proto': 'gopher', 'x-forwarded-host': 'evil.example' } },
  );
  if (op.method === 'get' || op.method === 'head') return variants;
  const json = (body: string, type = 'application/json'): Partial<Variant> => ({ headers: { 'content-type': type }, body });
  for (const [label, extra] of [
    ['text body', json('{"a":1}', 'text/plain')],
    ['xml body', json('<a>1</a>', 'application/xml')],
    ['form body', json('a=1&email=x%40y.z', 'application/x-www-form-urlencoded')],
    ['json with charset utf-16', json('{}', 'application/json; charset=utf-16')],
    ['no content type', { headers: {}, body: '{"a":1}' }],
    ['invalid json', json('{"a":')],
    ['json array', json('[]')],
    ['json null', json('null')],
    ['json string', json('"str"')],
    ['json number', json('123')],
    ['json with proto', json('{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}')],
    ['deep nesting', json(nested(1000))],
    [
      'invalid UTF-8',
      { headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    ],
    [
      'multipart with a file',
      { headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body: multipart(`${FILE_PART}\r\n--${BOUNDARY}--\r\n`) },
    ],
    [
      'multipart without a file',
      {
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        body: multipart(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`),
      },
    ],
    ['multipart cut short', { headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body: multipart(FILE_PART) }],
    ['multipart without boundary', { headers: { 'content-type': 'multipart/form-data' }, body: multipart(FILE_PART) }],
    [
      'multipart with two files',
      {
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        body: multipart(`${FILE_PART}\r\n${FILE_PART}\r\n--${BOUNDARY}--\r\n`),
      },
    ],
  ] as [string, Partial<Variant>][]) {
    variants.push({ label, path: base, ...extra });
  }
  return variants;
}

/** Over the 256 KiB body limit: sent once per route (as the signed-in person), it costs the most bytes. */
function tooLarge(op: Operation): Variant[] {
  if (op.method === 'get') return [];
  return [
    {
      label: 'body too large',
      path: op.path.replace(/\{[^}]+\}/g, UUID()),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'x'.repeat(300_000) }),
    },
  ];
}

/** Field-level variants: the fields the operation's validation names for an empty body, each given every bad value. */
function fieldVariants(op: Operation, fields: string[]): Variant[] {
  const base = op.path.replace(/\{[^}]+\}/g, UUID());
  const variants: Variant[] = [];
  fields.forEach((field, i) => {
    // The first eleven kinds for every field, the others shared out between the fields.
    for (const [label, value] of BAD_VALUES.filter((_, j) => j < 11 || (j + i) % 2 === 0)) {
      variants.push({
        label: `${field}=${label}`,
        path: base,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ [field]: value }),
      });
    }
  });
  return variants;
}

/** Plain node:http with kept-alive connections: several times cheaper per request than fetch. */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What a malformed request may get: a 2xx/3xx (the junk was ignored) or a 4xx in the documented shape. */
function check(res: { status: number; text: string }, label: string): string | null {
  const text = res.text;
  if (res.status >= 500) return `${label} → ${res.status} ${text.slice(0, 160)}`;
  if (res.status < 400) return null;
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return `${label} → ${res.status} not JSON: ${text.slice(0, 120)}`;
  }
  const keys = Object.keys(body ?? {});
  const shaped =
    typeof body?.code === 'string' &&
    typeof body?.message === 'string' &&
    typeof body?.correlationId === 'string' &&
    keys.every((k) => ['code', 'message', 'details', 'correlationId'].includes(k));
  return shaped ? null : `${label} → ${res.status} outside the error shape: ${text.slice(0, 160)}`;
}

/** A multipart body that stops half-way, its connection left open: it must be answered (408), not hang. */
function stalledMultipart(url: string, path: string, headers: Record<string, string>): Promise<string> {
  const { hostname, port, host } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received.split('\r\n')[0] || 'no answer');
    }, 10_000);
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received.split('\r\n')[0] || 'closed without an answer');
    });
    socket.on('error', () => undefined);
    const head = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${head}Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: 100000\r\n\r\n${FILE_PART}`,
    );
  });
}

describe('bad input on every route of the OpenAPI document', () => {
  let app: TestApp;
  let operations: Operation[];
  let user: { client: HttpClient; email: string; id: string };
  let anonymous: HttpClient;

  beforeAll(async () => {
    app = await createTestApp({ BODY_IDLE_TIMEOUT_MS: 300 });
    user = await signedInUser(app, { ip: freshIp() });
    // Something of theirs, so that "mine" routes have content to read and change.
    await user.client.post('/api/v1/companies', { siret: freshSiret(), legalName: 'Fuzz SARL' });
    anonymous = app.client(freshIp());
    await Promise.all([user.client.csrfToken(), anonymous.csrfToken()]);
    const doc = (await fetch(`${app.url}/api/docs/openapi.json`).then((r) => r.json())) as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method, path, params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]) })),
    );
    // BAD_INPUT_PATHS (a regular expression): only the matching routes, to check new routes quickly on a loaded machine.
    const only = process.env.BAD_INPUT_PATHS ? new RegExp(process.env.BAD_INPUT_PATHS) : null;
    if (only) operations = operations.filter((op) => only.test(op.path));
    // Routes that end the session go last, so the signed-in person stays signed in for the rest.
    operations.sort(
      (a, b) => Number(/logout|password\/change|devices/.test(a.path)) - Number(/logout|password\/change|devices/.test(b.path)),
    );
  });
  afterAll(() => app.close());

  it('answers every malformed request with a 2xx or a shaped 4xx, never a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(process.env.BAD_INPUT_PATHS ? 0 : 150);
    const failures: string[] = [];
    const perOperation = new Map<string, number>();
    let sent = 0;
    const tokens = { user: await user.client.csrfToken(), anonymous: await anonymous.csrfToken() };

    const attempt = async (who: 'user' | 'anonymous', op: Operation, v: Variant) => {
      const client = who === 'user' ? user.client : anonymous;
      const headers: Record<string, string> = { 'x-csrf-token': tokens[who], 'x-forwarded-for': client.ip!, ...v.headers };
      headers.cookie = [client.cookieHeader, v.headers?.cookie].filter(Boolean).join('; ');
      const label = `${who} ${op.method.toUpperCase()} ${op.path} [${v.label}]`;
      try {
        const failure = check(await send(app.url + v.path, op.method.toUpperCase(), headers, v.body), label);
        if (failure) failures.push(failure);
        sent++;
      } catch (err) {
        failures.push(`${label} → no answer (${(err as Error).message})`);
      }
    };

    /** The fields an operation validates, as its validation error names them for an empty body (none: not validated, or refused earlier). */
    const fieldsOf = async (client: HttpClient, op: Operation): Promise<string[]> => {
      const probe = await client.request(op.method.toUpperCase(), op.path.replace(/\{[^}]+\}/g, UUID()), {});
      return probe.body?.code === 'VALIDATION_FAILED' && Array.isArray(probe.body.details)
        ? [...new Set<string>(probe.body.details.map((d: { field: string }) => d.field.split('.')[0]))]
        : [];
    };

    for (const op of operations) {
      const generic = genericVariants(op);
      const own = { anonymous: generic, user: generic };
      if (op.method !== 'get') {
        own.user = [...generic, ...tooLarge(op), ...fieldVariants(op, await fieldsOf(user.client, op))];
        // Anonymous visitors reach field validation on public routes only (elsewhere the answer is 401 first).
        own.anonymous = [...generic, ...fieldVariants(op, await fieldsOf(anonymous, op))];
      }
      perOperation.set(`${op.method} ${op.path}`, Math.min(own.anonymous.length, own.user.length));
      const queue = (['anonymous', 'user'] as const).flatMap((who) => own[who].map((v) => () => attempt(who, op, v)));
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await next();
        }),
      );
      // A route that ends the session (log out…) may have run with junk around it: sign in again.
      if ((await user.client.get('/api/v1/auth/me')).status === 401) {
        await user.client.post('/api/v1/auth/login', { email: user.email, password: 'correct horse battery staple 2026' });
        tokens.user = await user.client.csrfToken();
      }
    }

    // Multipart bodies that stall half-way, on every route that takes a body: answered, never left hanging.
    const bodyRoutes = operations.filter((op) => op.method !== 'get');
    const stalled = await Promise.all(
      bodyRoutes.map((op) =>
        stalledMultipart(app.url, op.path.replace(/\{[^}]+\}/g, UUID()), {
          cookie: user.client.cookieHeader,
          'x-csrf-token': tokens.user,
          'x-forwarded-for': user.client.ip!,
        }).then((line) => [op, line] as const),
      ),
    );
    for (const [op, line] of stalled) {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(line)?.[1]);
      if (!(status >= 400 && status < 500)) failures.push(`user ${op.method.toUpperCase()} ${op.path} [stalled multipart] → ${line}`);
    }

    expect(failures).toEqual([]);
    const fewest = Math.min(...perOperation.values());
    expect(fewest).toBeGreaterThanOrEqual(MIN_VARIANTS);
    expect(sent).toBeGreaterThanOrEqual(operations.length * MIN_VARIANTS * 2);
    // About 25,000 requests: on 2 busy cores that takes minutes, which is no failure of the API.
  }, 600_000);
});
