import type { Organization, OrganizationInput } from '@maillage/contracts';
import { api } from '../../../lib/api';

export const organizationKeys = {
  all: ['organizations'] as const,
};

const org = (id: string) => `/organizations/${encodeURIComponent(id)}`;

/** A host organisation's identity, edited by its own admins from the steering pages. */
export const organizationApi = {
  list: () => api.get<Organization[]>('/organizations'),
  update: (id: string, body: OrganizationInput) => api.put<Organization>(org(id), body),
  uploadLogo: (id: string, file: File) => api.upload<Organization>(`${org(id)}/logo`, file, 'PUT'),
  removeLogo: (id: string) => api.delete<Organization>(`${org(id)}/logo`),
};
