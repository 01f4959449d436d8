import type { DataSource } from 'typeorm';
import { AccessPolicy, type NetworkStanding } from '../src/core/access/access-policy.service';

/** The access policy for its unit tests: its decisions need no database. */
export const policy = new AccessPolicy({} as DataSource);

/** A person's standing in a private, on-approval network, with nothing else unless `over` says so. */
export const networkStanding = (over: Partial<NetworkStanding> = {}): NetworkStanding => ({
  visibility: 'private',
  joinPolicy: 'approval',
  hostOrganizationId: 'org',
  platformAdmin: false,
  hostStaff: false,
  activeRole: null,
  invited: false,
  ...over,
});
