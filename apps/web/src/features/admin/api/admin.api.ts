import type {
  AddStaffRequest,
  AdminAuditEntry,
  AdminUser,
  DataExportView,
  RetentionSettings,
  Organization,
  OrganizationInput,
  OutboxMail,
  Page,
  PlatformRole,
  StaffMember,
} from '@maillage/contracts';
import { api } from '../../../lib/api';

export const adminKeys = {
  organizations: ['organizations'] as const,
  staff: (organizationId: string) => ['organizations', organizationId, 'staff'] as const,
  mails: (q: string, page: number) => ['admin', 'mails', q, page] as const,
  mail: (id: string) => ['admin', 'mail', id] as const,
  users: ['admin', 'users'] as const,
  usersPage: (q: string, page: number) => ['admin', 'users', q, page] as const,
  audit: (page: number) => ['admin', 'audit', page] as const,
  retention: ['admin', 'retention'] as const,
};

const org = (id: string) => `/organizations/${encodeURIComponent(id)}`;

export const adminApi = {
  organizations: () => api.get<Organization[]>('/organizations'),
  createOrganization: (body: OrganizationInput) => api.post<Organization>('/organizations', body),
  updateOrganization: (id: string, body: OrganizationInput) => api.put<Organization>(org(id), body),
  deleteOrganization: (id: string) => api.delete(org(id)),
  uploadOrganizationLogo: (id: string, file: File) => api.upload<Organization>(`${org(id)}/logo`, file, 'PUT'),
  removeOrganizationLogo: (id: string) => api.delete<Organization>(`${org(id)}/logo`),
  staff: (id: string) => api.get<StaffMember[]>(`${org(id)}/staff`),
  addStaff: (id: string, body: AddStaffRequest) => api.post<StaffMember[]>(`${org(id)}/staff`, body),
  removeStaff: (id: string, personId: string) => api.delete(`${org(id)}/staff/${encodeURIComponent(personId)}`),
  mails: (q: string, page: number, pageSize: number) => api.get<Page<OutboxMail>>('/admin/mails', { q, page, pageSize }),
  mail: (id: string) => api.get<OutboxMail>(`/admin/mails/${encodeURIComponent(id)}`),
  users: (q: string, page: number, pageSize: number) => api.get<Page<AdminUser>>('/admin/users', { q, page, pageSize }),
  setUserRole: (id: string, platformRole: PlatformRole) => api.patch(`/admin/users/${encodeURIComponent(id)}`, { platformRole }),
  suspendUser: (id: string, suspended: boolean) =>
    api.post(`/admin/users/${encodeURIComponent(id)}/${suspended ? 'suspend' : 'reactivate'}`),
  exportUser: (id: string) => api.post<DataExportView>(`/admin/users/${encodeURIComponent(id)}/export`),
  deleteUser: (id: string) => api.post(`/admin/users/${encodeURIComponent(id)}/delete`, {}),
  audit: (page: number) => api.get<Page<AdminAuditEntry>>('/admin/audit', { page, pageSize: 50 }),
  retention: () => api.get<RetentionSettings>('/admin/retention'),
  setRetention: (body: RetentionSettings) => api.put<RetentionSettings>('/admin/retention', body),
};
