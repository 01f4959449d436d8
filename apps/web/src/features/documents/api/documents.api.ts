import type {
  CreateDocumentFolderRequest,
  DocumentDetail,
  DocumentFolder,
  DocumentFolderOption,
  DocumentItem,
  DocumentLibrary,
  DocumentSearchResult,
  UpdateDocumentFolderRequest,
  UpdateDocumentRequest,
} from '@maillage/contracts';
import { api, uploadWithProgress } from '../../../lib/api';

export const documentKeys = {
  all: ['documents'] as const,
  libraries: (networkId: string) => ['documents', 'library', networkId] as const,
  library: (networkId: string, folderId: string | null) => ['documents', 'library', networkId, folderId ?? 'root'] as const,
  search: (networkId: string, q: string) => ['documents', 'library', networkId, 'search', q] as const,
  folders: (networkId: string) => ['documents', 'library', networkId, 'folders'] as const,
  document: (documentId: string) => ['documents', 'document', documentId] as const,
};

const id = encodeURIComponent;
const library = (networkId: string) => `/networks/${id(networkId)}/documents`;
const document = (documentId: string) => `/documents/${id(documentId)}`;

export interface UploadProgress {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export const documentsApi = {
  library: (networkId: string, folderId: string | null) => api.get<DocumentLibrary>(library(networkId), { folderId }),
  search: (networkId: string, q: string, signal?: AbortSignal) =>
    api.get<DocumentSearchResult>(`${library(networkId)}/search`, { q }, signal),
  folders: (networkId: string) => api.get<DocumentFolderOption[]>(`${library(networkId)}/folders`),
  createFolder: (networkId: string, body: CreateDocumentFolderRequest) => api.post<DocumentFolder>(`${library(networkId)}/folders`, body),
  updateFolder: (folderId: string, body: UpdateDocumentFolderRequest) =>
    api.patch<DocumentFolder>(`/documents/folders/${id(folderId)}`, body),
  deleteFolder: (folderId: string) => api.delete(`/documents/folders/${id(folderId)}`),
  upload: (networkId: string, folderId: string | null, file: File, progress: UploadProgress = {}) =>
    uploadWithProgress<DocumentItem>(library(networkId), file, { query: { folderId }, ...progress }),
  document: (documentId: string) => api.get<DocumentDetail>(document(documentId)),
  update: (documentId: string, body: UpdateDocumentRequest) => api.patch<DocumentItem>(document(documentId), body),
  remove: (documentId: string) => api.delete(document(documentId)),
  newVersion: (documentId: string, file: File, progress: UploadProgress = {}) =>
    uploadWithProgress<DocumentDetail>(`${document(documentId)}/versions`, file, progress),
  restore: (documentId: string, number: number) => api.post<DocumentDetail>(`${document(documentId)}/versions/${number}/restore`),
};
