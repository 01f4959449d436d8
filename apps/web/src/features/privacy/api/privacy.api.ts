import type { DataExportView, DeleteAccountRequest, PrivacySettings, UpdatePrivacySettingsRequest } from '@maillage/contracts';
import { api } from '../../../lib/api';

export const privacyKeys = {
  settings: ['privacy', 'settings'] as const,
  exports: ['privacy', 'exports'] as const,
};

export const privacyApi = {
  settings: () => api.get<PrivacySettings>('/privacy/settings'),
  updateSettings: (body: UpdatePrivacySettingsRequest) => api.patch<PrivacySettings>('/privacy/settings', body),
  exports: () => api.get<DataExportView[]>('/privacy/exports'),
  requestExport: () => api.post<DataExportView>('/privacy/exports'),
  deleteAccount: (body: DeleteAccountRequest) => api.post('/privacy/account/delete', body),
};
