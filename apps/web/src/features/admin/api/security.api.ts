import type { SecuritySettingsView, SsoProviderRequest, SsoProviderView } from '@maillage/contracts';
import { api } from '../../../lib/api';

export const securityKeys = {
  settings: ['admin', 'security'] as const,
  sso: ['admin', 'sso-providers'] as const,
};

export const securityApi = {
  settings: (signal?: AbortSignal) => api.get<SecuritySettingsView>('/admin/security', undefined, signal),
  updateSettings: (body: SecuritySettingsView) => api.put<SecuritySettingsView>('/admin/security', body),
  ssoProviders: (signal?: AbortSignal) => api.get<SsoProviderView[]>('/admin/sso-providers', undefined, signal),
  saveSsoProvider: (organizationId: string, body: SsoProviderRequest) =>
    api.put<SsoProviderView>(`/admin/sso-providers/${encodeURIComponent(organizationId)}`, body),
  removeSsoProvider: (organizationId: string) => api.delete(`/admin/sso-providers/${encodeURIComponent(organizationId)}`),
};
