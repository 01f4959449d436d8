import type { PersonProfile, UpdateProfileRequest } from '@maillage/contracts';
import { api } from '../../../lib/api';

export const profileKeys = {
  me: ['people', 'me'] as const,
  person: (id: string) => ['people', id] as const,
};

export const profileApi = {
  me: () => api.get<PersonProfile>('/people/me'),
  update: (body: UpdateProfileRequest) => api.patch<PersonProfile>('/people/me', body),
  uploadPhoto: (file: File) => api.upload<PersonProfile>('/people/me/photo', file),
  removePhoto: () => api.delete<PersonProfile>('/people/me/photo'),
  person: (id: string) => api.get<PersonProfile>(`/people/${encodeURIComponent(id)}`),
};
