import type { AdminSearchStatus, DirectoryImport, DirectoryImportPage, ReindexRun } from '@maillage/contracts';
import { api } from '../../../lib/api';

export const importKeys = {
  all: ['admin', 'imports'] as const,
  page: (page: number) => ['admin', 'imports', 'page', page] as const,
  detail: (id: string) => ['admin', 'imports', 'detail', id] as const,
  search: ['admin', 'search'] as const,
};

/** SIRENE imports and the search index, for platform admins. */
export const importsApi = {
  list: (page: number, pageSize: number) => api.get<DirectoryImportPage>('/admin/imports', { page, pageSize }),
  get: (id: string) => api.get<DirectoryImport>(`/admin/imports/${encodeURIComponent(id)}`),
  upload: (file: File) => api.upload<DirectoryImport>('/admin/imports', file),
  searchStatus: () => api.get<AdminSearchStatus>('/admin/search'),
  reindex: () => api.post<ReindexRun>('/admin/search/reindex', {}),
};

/** Still moving: the page polls it. */
export const isActive = (item: { status: DirectoryImport['status'] }) => item.status === 'queued' || item.status === 'running';
