import type { TestApp } from './test-app';
import type { HttpClient } from './http-client';
import { makePlatformAdmin, signedInUser } from './fixtures';

/** A SIRET with valid check digits (Luhn on the SIREN and on the whole number), unique per process. */
let siretCounter = 0;
function luhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const digits = `${body}${d}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let n = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error('unreachable');
}
export function freshSiret(): string {
  siretCounter += 1;
  const siren8 = String(40000000 + ((process.pid * 997 + siretCounter * 7919) % 50000000)).padStart(8, '0');
  const siren = siren8 + luhnDigit(siren8);
  const body = `${siren}0001`;
  return body + luhnDigit(body);
}

/** A distinct client address per person (sign-ups are throttled per address). */
let ipCounter = 0;
export function freshIp(): string {
  ipCounter += 1;
  return `10.${(process.pid >> 8) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export interface Person {
  client: HttpClient;
  id: string;
  email: string;
  companyId: string | null;
}

export type MembershipRole = 'member' | 'moderator' | 'animator';

export const NETWORK_DEFAULTS = {
  type: 'business_club',
  visibility: 'public',
  joinPolicy: 'open',
  maturity: 'development',
} as const;

/**
 * A small world for network tests: a platform admin, two host organisations (CCI Loire, CCI Lyon)
 * and `staff`, an animator of CCI Loire; helpers to add people with a company, create networks and
 * enrol companies with a role.
 */
export async function networkWorld(app: TestApp) {
  /** A signed-in person, owner of a fresh company unless `withCompany` is false. */
  const person = async (withCompany = true, firstName?: string): Promise<Person> => {
    const user = await signedInUser(app, { firstName, ip: freshIp() });
    let companyId: string | null = null;
    if (withCompany) {
      const res = await user.client.post('/api/v1/companies', { siret: freshSiret(), legalName: `Entreprise ${user.id.slice(0, 8)}` });
      if (res.status !== 201) throw new Error(`company: ${res.status} ${JSON.stringify(res.body)}`);
      companyId = res.body.id;
    }
    return { ...user, companyId };
  };
  const admin = await person(false);
  await makePlatformAdmin(app, admin.id);
  const staff = await person(false);
  const host = await admin.client.post('/api/v1/organizations', { name: 'CCI Loire', kind: 'cci_territorial' });
  const other = await admin.client.post('/api/v1/organizations', { name: 'CCI Lyon', kind: 'cci_territorial' });
  const hostId: string = host.body.id;
  const otherHostId: string = other.body.id;
  const staffed = await admin.client.post(`/api/v1/organizations/${hostId}/staff`, { email: staff.email, role: 'animator' });
  if (staffed.status !== 201) throw new Error(`staff: ${staffed.status}`);

  const createNetwork = async (body: Record<string, unknown>, who: Person = staff): Promise<{ id: string; name: string; slug: string }> => {
    const res = await who.client.post('/api/v1/networks', { ...NETWORK_DEFAULTS, hostOrganizationId: hostId, ...body });
    if (res.status !== 201) throw new Error(`network: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Invites the company, lets its owner accept, then optionally gives it a role. */
  const enrol = async (networkId: string, who: Person, role: MembershipRole = 'member', by: Person = staff): Promise<void> => {
    const invited = await by.client.post(`/api/v1/networks/${networkId}/invitations`, { companyId: who.companyId });
    if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
    const joined = await who.client.post(`/api/v1/networks/${networkId}/join`, { companyId: who.companyId });
    if (joined.body?.status !== 'active') throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
    if (role !== 'member') {
      const res = await by.client.put(`/api/v1/networks/${networkId}/members/${who.companyId}/role`, { role });
      if (res.status !== 200) throw new Error(`role: ${res.status}`);
    }
  };

  /** Turns a network private, its other settings unchanged (through the API, as its host staff). */
  const makePrivate = async (networkId: string): Promise<void> => {
    const current = (await staff.client.get(`/api/v1/networks/${networkId}`)).body;
    const res = await staff.client.put(`/api/v1/networks/${networkId}`, {
      name: current.name,
      type: current.type,
      visibility: 'private',
      joinPolicy: current.joinPolicy,
      maturity: current.maturity,
      hostOrganizationId: current.hostOrganizationId,
    });
    if (res.status !== 200) throw new Error(`private: ${res.status} ${JSON.stringify(res.body)}`);
  };

  return { admin, staff, hostId, otherHostId, person, createNetwork, enrol, makePrivate };
}
