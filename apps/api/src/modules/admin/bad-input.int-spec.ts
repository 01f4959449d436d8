import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { makePlatformAdmin, PASSWORD, signedInUser, uniqueEmail } from '../../../test/fixtures';

/**
 * Malformed input against every endpoint of the foundation: each answer is a 4xx with a code (field
 * errors where fields are at fault), never a 5xx, and the database is byte-for-byte unchanged.
 */
interface Endpoint {
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  valid: Record<string, unknown>;
  /** Fields where any text is legitimate (names, descriptions): markup and SQL are just text there. */
  freeText?: string[];
  /** PATCH-like endpoints accept an empty object (and '' to clear a field). */
  allOptional?: boolean;
  optional?: string[];
  as: 'anonymous' | 'user' | 'admin';
}

const HUGE = 'x'.repeat(100_000);
const HOSTILE = [
  "'; DROP TABLE people; --",
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '../../etc/passwd',
];
const CONTROL = ['a\u0000b', 'a\ud800b', '\u001b[2J'];
const WRONG_TYPES = [12345, true, { nested: 'object' }, [1, 2]];
const BAD_SIRETS = ['12345678901234', '1234', 'abcdefghijklmn', '5521005540001X', '552100554000131'];

function mutations(e: Endpoint): { label: string; body: unknown }[] {
  const out: { label: string; body: unknown }[] = [
    { label: 'array body', body: [e.valid] },
    { label: 'string body', body: 'hello' },
    { label: 'number body', body: 42 },
    { label: 'unknown field', body: { ...e.valid, isAdmin: true } },
    { label: 'prototype pollution', body: JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(e.valid).slice(1, -1)}}`) },
  ];
  if (!e.allOptional) out.push({ label: 'empty object', body: {} });
  for (const [field, value] of Object.entries(e.valid)) {
    const bad: unknown[] = [...WRONG_TYPES.filter((w) => typeof w !== typeof value), HUGE, ...CONTROL];
    if (Array.isArray(value))
      bad.push(
        [HUGE],
        [1],
        Array.from({ length: 200 }, (_, i) => `tag${i}`),
      );
    if (!e.freeText?.includes(field) && typeof value === 'string') bad.push(...HOSTILE);
    if (!e.allOptional && !e.optional?.includes(field) && typeof value === 'string') bad.push('');
    if (field === 'siret') bad.push(...BAD_SIRETS);
    if (!e.allOptional && !e.optional?.includes(field)) {
      const { [field]: _, ...missing } = e.valid;
      out.push({ label: `missing ${field}`, body: missing });
    }
    for (const b of bad) out.push({ label: `${field}=${JSON.stringify(b).slice(0, 40)}`, body: { ...e.valid, [field]: b } });
  }
  return out;
}

async function snapshot(app: TestApp): Promise<Record<string, string>> {
  const tables: { tablename: string }[] = await app.db.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const result: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await app.db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${tablename}" t`,
    );
    result[tablename] = `${row.n}:${row.h}`;
  }
  return result;
}

describe('bad input on every foundation endpoint', () => {
  let app: TestApp;
  let user: { client: HttpClient; id: string; email: string };
  let admin: { client: HttpClient; id: string };
  let companyId: string;
  let organizationId: string;

  beforeAll(async () => {
    app = await createTestApp();
    user = await signedInUser(app);
    admin = await signedInUser(app);
    await makePlatformAdmin(app, admin.id);
    companyId = (await user.client.post('/api/v1/companies', { siret: '55210055400013', legalName: 'Peugeot' })).body.id;
    organizationId = (await admin.client.post('/api/v1/organizations', { name: 'CCI Test', kind: 'cci_territorial' })).body.id;
  });
  afterAll(() => app.close());

  const endpoints = (): Endpoint[] => [
    {
      as: 'anonymous',
      method: 'POST',
      path: '/api/v1/auth/signup',
      valid: { email: uniqueEmail(), password: PASSWORD, firstName: 'Léa', lastName: 'Roux', locale: 'fr' },
      freeText: ['firstName', 'lastName', 'password'],
      optional: ['locale'],
    },
    {
      as: 'anonymous',
      method: 'POST',
      path: '/api/v1/auth/login',
      valid: { email: 'nobody@test.example', password: PASSWORD },
      freeText: ['password'],
    },
    { as: 'anonymous', method: 'POST', path: '/api/v1/auth/verify', valid: { token: 'a'.repeat(43) } },
    { as: 'anonymous', method: 'POST', path: '/api/v1/auth/verification/resend', valid: { email: 'nobody@test.example' } },
    { as: 'anonymous', method: 'POST', path: '/api/v1/auth/password/forgot', valid: { email: 'nobody@test.example' } },
    {
      as: 'anonymous',
      method: 'POST',
      path: '/api/v1/auth/password/reset',
      valid: { token: 'a'.repeat(43), password: PASSWORD },
      freeText: ['password'],
    },
    {
      as: 'user',
      method: 'POST',
      path: '/api/v1/auth/password/change',
      valid: { currentPassword: 'wrong wrong wrong', newPassword: 'a new long passphrase' },
      freeText: ['currentPassword', 'newPassword'],
    },
    {
      as: 'user',
      method: 'PATCH',
      path: '/api/v1/people/me',
      allOptional: true,
      valid: {
        firstName: 'Léa',
        jobTitle: 'CEO',
        bio: 'Bio',
        skills: ['usinage'],
        languages: ['français'],
        locale: 'fr',
        isExpert: true,
        expertiseDomains: ['Export'],
        areasServed: ['Loire'],
      },
      freeText: ['firstName', 'jobTitle', 'bio'],
    },
    {
      as: 'user',
      method: 'POST',
      path: '/api/v1/companies',
      valid: { siret: '73282932000074', legalName: 'Nouvelle' },
      freeText: ['legalName'],
    },
    {
      as: 'user',
      method: 'PATCH',
      path: `/api/v1/companies/${companyId}`,
      allOptional: true,
      valid: {
        legalName: 'Peugeot SA',
        tradeName: 'Peugeot',
        nafCode: '29.10Z',
        legalFormCode: '5599',
        headcountBandCode: '53',
        addressLine1: '7 rue',
        addressLine2: 'Bât. B',
        postalCode: '75016',
        communeCode: '75056',
        website: 'https://peugeot.example',
        description: 'Automobiles',
      },
      freeText: ['legalName', 'tradeName', 'addressLine1', 'addressLine2', 'description'],
    },
    {
      as: 'user',
      method: 'POST',
      path: `/api/v1/companies/${companyId}/invitations`,
      valid: { email: 'colleague@test.example', role: 'member' },
    },
    { as: 'user', method: 'PATCH', path: `/api/v1/companies/${companyId}/members/${user.id}`, valid: { role: 'owner' } },
    { as: 'user', method: 'POST', path: '/api/v1/companies/invitations/accept', valid: { token: 'a'.repeat(43) } },
    {
      as: 'admin',
      method: 'POST',
      path: '/api/v1/organizations',
      valid: {
        name: 'CCI Nouvelle',
        kind: 'cci_territorial',
        parentId: organizationId,
        communeCode: '42218',
        website: 'https://cci.example',
        description: 'Desc',
      },
      freeText: ['name', 'description'],
      optional: ['parentId', 'communeCode', 'website', 'description'],
    },
    {
      as: 'admin',
      method: 'PUT',
      path: `/api/v1/organizations/${organizationId}`,
      valid: { name: 'CCI Test', kind: 'cci_territorial' },
      freeText: ['name'],
    },
    {
      as: 'admin',
      method: 'POST',
      path: `/api/v1/organizations/${organizationId}/staff`,
      valid: { email: 'someone@test.example', role: 'animator' },
    },
    { as: 'admin', method: 'PATCH', path: `/api/v1/admin/users/${user.id}`, valid: { platformRole: 'user' } },
    // A wrong code is a legitimate (counted) attempt: only malformed ones are sent here.
    { as: 'anonymous', method: 'POST', path: '/api/v1/auth/login/two-factor', valid: { code: '123456' }, freeText: ['code'] },
    { as: 'user', method: 'POST', path: '/api/v1/auth/two-factor/enrolment/confirm', valid: { code: '123456' }, freeText: ['code'] },
    { as: 'user', method: 'POST', path: '/api/v1/auth/two-factor/recovery-codes', valid: { code: '123456' }, freeText: ['code'] },
    {
      as: 'user',
      method: 'POST',
      path: '/api/v1/auth/two-factor/disable',
      valid: { password: PASSWORD, code: '123456' },
      freeText: ['code', 'password'],
    },
    { as: 'admin', method: 'PUT', path: '/api/v1/admin/security', valid: { requireTwoFactorForStaff: false } },
    {
      as: 'admin',
      method: 'PUT',
      path: `/api/v1/admin/sso-providers/${organizationId}`,
      valid: {
        issuer: 'https://idp.example.org',
        clientId: 'maillage',
        clientSecret: 'secret',
        allowedDomains: ['cci.example.org'],
        enabled: true,
      },
      freeText: ['clientId', 'clientSecret'],
    },
  ];

  it('answers 4xx with a code, never 5xx, and writes nothing', async () => {
    const before = await snapshot(app);
    const failures: string[] = [];
    let sent = 0;
    for (const e of endpoints()) {
      const client = e.as === 'anonymous' ? app.client('10.66.0.1') : e.as === 'user' ? user.client : admin.client;
      for (const m of mutations(e)) {
        const res = await client.request(e.method, e.path, m.body);
        sent++;
        const ok =
          res.status >= 400 && res.status < 500 && typeof res.body?.code === 'string' && typeof res.body?.correlationId === 'string';
        if (!ok) failures.push(`${e.method} ${e.path} [${m.label}] → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
        else if (res.body.code === 'VALIDATION_FAILED' && !(Array.isArray(res.body.details) && res.body.details[0]?.field)) {
          failures.push(`${e.method} ${e.path} [${m.label}] → validation error without field names`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(400);
    expect(await snapshot(app)).toEqual(before);
  });

  it('rejects bad parameters and query strings the same way', async () => {
    const before = await snapshot(app);
    const cases: [HttpClient, string, number][] = [
      [user.client, '/api/v1/companies/not-a-uuid', 404],
      [user.client, "/api/v1/companies/1' OR '1'='1", 404],
      [user.client, '/api/v1/companies/by-siret/12345678901234', 400],
      [user.client, '/api/v1/people/%00', 400],
      [app.client(), '/api/v1/referentials/naf?pageSize=1000', 400],
      [app.client(), '/api/v1/referentials/naf?page=-1', 400],
      [app.client(), `/api/v1/referentials/communes?q=${'a'.repeat(500)}`, 400],
      [app.client(), '/api/v1/referentials/communes?q=%00', 400],
      [app.client(), '/api/v1/referentials/naf?q=x&unknown=1', 400],
      [admin.client, '/api/v1/admin/mails?page=abc', 400],
      [admin.client, '/api/v1/admin/mails?pageSize=0', 400],
    ];
    for (const [client, path, status] of cases) {
      const res = await client.get(path);
      expect([path, res.status, typeof res.body.code]).toEqual([path, status, 'string']);
    }
    const notMultipart = await user.client.post(`/api/v1/companies/${companyId}/logo`, { file: 'x' });
    expect(notMultipart.status).toBe(415);
    const twoFiles = new FormData();
    twoFiles.append('file', new Blob(['a']), 'a.png');
    twoFiles.append('file', new Blob(['b']), 'b.png');
    expect((await user.client.request('POST', `/api/v1/companies/${companyId}/logo`, undefined, { raw: twoFiles })).status).toBeLessThan(
      500,
    );
    expect(await snapshot(app)).toEqual(before);
  });
});
