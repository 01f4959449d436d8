// Document libraries: types shared by the API (apps/api/src/modules/documents) and the web app.
//
// Rights (decided by AccessPolicy, core/access):
// - read: whoever reads the network's content (everyone for a public network; otherwise its active members,
//   the host's staff and platform admins). A private library is "not found" for anyone else.
// - write (upload documents and new versions, restore a version, create folders): the network's active
//   members, host staff and platform admins.
// - manage (rename, move and delete any folder or document, mark a folder "animators only"): the network's
//   animators, host staff and platform admins; a document's uploader may also rename, move and delete it.
// - an "animators only" folder (or any folder below it) is read and written only by the managers; it is
//   "not found" for everyone else, and so are its documents.
//
// Endpoints (all under /api/v1; JSON unless noted):
//   GET    /networks/:networkId/documents?folderId=            → DocumentLibrary (the folder's content; root without folderId)
//   GET    /networks/:networkId/documents/search?q=            → DocumentSearchResult (search engine, kind=document, this network)
//   GET    /networks/:networkId/documents/folders              → DocumentFolderOption[] (every folder the caller sees, for move pickers)
//   POST   /networks/:networkId/documents/folders              CreateDocumentFolderRequest → DocumentFolder
//   POST   /networks/:networkId/documents?folderId=            multipart: one `file` (+ optional fields title, description) → DocumentItem
//   PATCH  /documents/folders/:folderId                        UpdateDocumentFolderRequest → DocumentFolder (rename, move, animatorsOnly)
//   DELETE /documents/folders/:folderId                        → 204 (409 DOCUMENT_FOLDER_NOT_EMPTY unless empty; soft delete)
//   GET    /documents/:documentId                              → DocumentDetail (with its versions, newest first)
//   PATCH  /documents/:documentId                              UpdateDocumentRequest → DocumentItem (title, description, folderId)
//   DELETE /documents/:documentId                              → 204 (soft delete)
//   POST   /documents/:documentId/versions                     multipart: one `file` → DocumentDetail (a new current version)
//   POST   /documents/:documentId/versions/:number/restore     → DocumentDetail (copies that version as a new current version)
//   GET    /documents/:documentId/versions/:number/download    → the file (Content-Disposition: attachment, nosniff)
//   GET    /documents/:documentId/versions/:number/thumbnail   → a WebP thumbnail (raster images only; 404 otherwise)
//   GET    /documents/:documentId/versions/:number/preview     → PDFs only, inline, with `Content-Security-Policy: sandbox`
// `:number` may be `current`.
//
// Uploads: at most DOCUMENT_MAX_BYTES by default (UPLOAD_DOCUMENT_MAX_BYTES on the server; 413 FILE_TOO_LARGE), type
// sniffed from the bytes (415 UNSUPPORTED_FILE_TYPE for executables, HTML, scripts, unknown binaries; 422
// UNSAFE_SVG for SVG carrying scripts; 422 UNSAFE_ARCHIVE for archives whose entries expand too much, are too many,
// or have unsafe paths). Names are kept for display only, without paths or control characters.

export const DOCUMENT_TITLE_MAX = 200;
export const DOCUMENT_DESCRIPTION_MAX = 2000;
export const DOCUMENT_FOLDER_NAME_MAX = 120;
/** The default upload limit (the server's UPLOAD_DOCUMENT_MAX_BYTES may differ; the library tells its own). */
export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;
/** What the file picker offers; the server decides from the bytes. */
export const DOCUMENT_ACCEPT = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.gif',
  '.svg',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.rtf',
  '.txt',
  '.csv',
  '.md',
  '.zip',
] as const;

export type DocumentPreview = 'image' | 'pdf' | null;

export interface DocumentPersonRef {
  id: string;
  firstName: string;
  lastName: string;
}

export interface DocumentFolder {
  id: string;
  networkId: string;
  parentId: string | null;
  name: string;
  animatorsOnly: boolean;
  /** Non-deleted documents and sub-folders directly inside. */
  itemCount: number;
  createdAt: string;
}

/** A folder in a picker: its whole path ('Comptes rendus / 2026'). */
export interface DocumentFolderOption {
  id: string;
  parentId: string | null;
  path: string;
  animatorsOnly: boolean;
}

export interface DocumentVersion {
  number: number;
  fileName: string;
  mimeType: string;
  size: number;
  author: DocumentPersonRef | null;
  createdAt: string;
  /** Set when this version copies an older one (a restore). */
  restoredFrom: number | null;
  preview: DocumentPreview;
}

export interface DocumentItem {
  id: string;
  networkId: string;
  folderId: string | null;
  title: string;
  description: string;
  current: DocumentVersion;
  versionCount: number;
  author: DocumentPersonRef | null;
  createdAt: string;
  updatedAt: string;
  /** The caller may rename, move or delete it. */
  canEdit: boolean;
}

export interface DocumentDetail extends DocumentItem {
  versions: DocumentVersion[];
}

export interface DocumentLibraryRights {
  write: boolean;
  manage: boolean;
}

export interface DocumentLibrary {
  networkId: string;
  /** null at the root. */
  folder: DocumentFolder | null;
  /** From the root down to the current folder (excluded). */
  breadcrumbs: { id: string; name: string }[];
  folders: DocumentFolder[];
  documents: DocumentItem[];
  rights: DocumentLibraryRights;
  maxBytes: number;
}

export interface DocumentSearchHit {
  id: string;
  title: string;
  /** Sanitised HTML (only `<mark>`). */
  highlights: { title?: string; body?: string };
  folderId: string | null;
  fileName: string;
  mimeType: string;
  updatedAt: string;
}
export interface DocumentSearchResult {
  items: DocumentSearchHit[];
  total: number;
}

export interface CreateDocumentFolderRequest {
  name: string;
  parentId?: string | null;
  animatorsOnly?: boolean;
}
export interface UpdateDocumentFolderRequest {
  name?: string;
  parentId?: string | null;
  animatorsOnly?: boolean;
}
export interface UpdateDocumentRequest {
  title?: string;
  description?: string;
  folderId?: string | null;
}

/** The API paths of a document version (downloads are plain links). */
export function documentVersionPath(documentId: string, version: number | 'current', what: 'download' | 'thumbnail' | 'preview'): string {
  return `/api/v1/documents/${documentId}/versions/${version}/${what}`;
}
