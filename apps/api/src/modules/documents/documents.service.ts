import { Inject, Injectable } from '@nestjs/common';
import { type FileToSend, type UploadSource } from '../../core/storage/upload-source';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  DocumentDetail,
  DocumentFolder as DocumentFolderView,
  DocumentFolderOption,
  DocumentItem,
  DocumentLibrary,
  DocumentPersonRef,
  DocumentSearchResult,
  DocumentVersion as DocumentVersionView,
} from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { NotificationsService } from '../notifications/notifications.service';
import { AppException } from '../../core/errors/app-exception';
import { createValidationPipe } from '../../core/errors/validation';
import { assertCleanInput } from '../../core/http/clean-input';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { SEARCH_ENGINE, type SearchEngine } from '../../core/search/search.types';
import { StoredFile } from '../../core/storage/entities/stored-file.entity';
import { isRasterImage, sniffDocument } from '../../core/storage/file-inspection';
import { FilesService, sanitizeFilename, type ReceivedUpload } from '../../core/storage/files.service';
import {
  UploadDocumentFieldsDto,
  type CreateDocumentFolderDto,
  type UpdateDocumentDto,
  type UpdateDocumentFolderDto,
} from './dto/document.dto';
import { DOCUMENT, DocumentErrors, FOLDER, LIBRARY, VERSION } from './documents.errors';
import {
  DocumentsRepository,
  MAX_FOLDER_DEPTH,
  type DocumentRow,
  type FolderPath,
  type FolderRow,
  type VersionRow,
} from './documents.repository';
import { DocumentFolder } from './entities/document-folder.entity';
import { LibraryDocument } from './entities/document.entity';
import { DocumentVersion } from './entities/document-version.entity';

type LibraryNeed = 'read' | 'write' | 'manage';

/** A document the caller may read, with what decided it. */
interface DocumentContext {
  row: DocumentRow;
  standing: NetworkStanding;
  restricted: boolean;
}

const SEARCH_LIMIT = 30;

function person(id: string | null, firstName: string | null, lastName: string | null): DocumentPersonRef | null {
  return id && firstName !== null ? { id, firstName, lastName: lastName ?? '' } : null;
}

function folderView(f: FolderRow): DocumentFolderView {
  return {
    id: f.id,
    networkId: f.network_id,
    parentId: f.parent_id,
    name: f.name,
    animatorsOnly: f.animators_only,
    itemCount: f.item_count,
    createdAt: new Date(f.created_at).toISOString(),
  };
}

function versionView(v: VersionRow): DocumentVersionView {
  return {
    number: v.number,
    fileName: v.file_name,
    mimeType: v.mime_type,
    size: v.size,
    author: person(v.author_id, v.author_first_name, v.author_last_name),
    createdAt: new Date(v.created_at).toISOString(),
    restoredFrom: v.restored_from,
    preview: v.thumbnail_file_id ? 'image' : v.mime_type === 'application/pdf' ? 'pdf' : null,
  };
}

/** The title a document gets from its file name: the name without its extension. */
function titleOf(filename: string): string {
  return sanitizeFilename(filename, 'x').replace(/\.x$/, '').slice(0, 200);
}

/**
 * Network document libraries: folders, documents and their versions, uploads through
 * core/storage (size-limited, type-sniffed, stored under generated keys), downloads through the
 * access policy, search through the search engine. See libs/contracts/src/documents.ts for the rights.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly repo: DocumentsRepository,
    private readonly files: FilesService,
    private readonly indexer: SearchIndexer,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  // ---------- access ----------

  /** The caller's standing in a network whose library they may read; 404 otherwise, 403 when they read but lack `need`. */
  private async network(actor: MaybeActor, networkId: string, need: LibraryNeed = 'read'): Promise<NetworkStanding> {
    const standing = await this.access.require(actor, 'documents.read', { network: networkId }, { hide: LIBRARY });
    this.require(actor, standing, need);
    return standing;
  }

  private require(actor: MaybeActor, standing: NetworkStanding, need: LibraryNeed): void {
    const allowed = {
      read: true,
      write: this.access.canWriteDocuments(actor, standing),
      manage: actor !== null && this.access.canManageDocuments(standing),
    }[need];
    if (!allowed) throw AppException.forbidden();
  }

  /** A folder of this network that the caller may see, or the `error` (404 for the folder itself, 400 for a target). */
  private async visibleFolder(
    standing: NetworkStanding,
    networkId: string,
    folderId: string,
    error: () => AppException,
  ): Promise<FolderPath> {
    const path = await this.repo.folderPath(folderId);
    if (!path || path.folder.network_id !== networkId || !this.access.canSeeDocumentFolder(standing, path.restricted)) throw error();
    return path;
  }

  /** A folder the caller may see (with their standing in its network), or 404. */
  private async folderContext(
    actor: MaybeActor,
    folderId: string,
    need: LibraryNeed,
  ): Promise<{ path: FolderPath; standing: NetworkStanding }> {
    const path = await this.repo.folderPath(folderId);
    if (!path) throw AppException.notFound(FOLDER);
    const standing = await this.access.networkStanding(actor, path.folder.network_id);
    if (!this.access.canReadDocuments(standing) || !this.access.canSeeDocumentFolder(standing, path.restricted))
      throw AppException.notFound(FOLDER);
    this.require(actor, standing, need);
    return { path, standing };
  }

  /** A live document the caller may read, or 404 (whatever the reason). */
  private async documentContext(actor: MaybeActor, documentId: string, need: LibraryNeed = 'read'): Promise<DocumentContext> {
    const row = await this.repo.document(documentId);
    if (!row) throw AppException.notFound(DOCUMENT);
    const standing = await this.access.networkStanding(actor, row.network_id);
    if (!this.access.canReadDocuments(standing)) throw AppException.notFound(DOCUMENT);
    let restricted = false;
    if (row.folder_id) {
      const path = await this.repo.folderPath(row.folder_id);
      if (!path) throw AppException.notFound(DOCUMENT);
      restricted = path.restricted;
    }
    if (!this.access.canSeeDocumentFolder(standing, restricted)) throw AppException.notFound(DOCUMENT);
    this.require(actor, standing, need);
    return { row, standing, restricted };
  }

  // ---------- reading ----------

  async library(actor: MaybeActor, networkId: string, folderId: string | undefined): Promise<DocumentLibrary> {
    const standing = await this.network(actor, networkId);
    const path = folderId ? await this.visibleFolder(standing, networkId, folderId, () => AppException.notFound(FOLDER)) : null;
    const parentId = path?.folder.id ?? null;
    const [folders, documents] = await Promise.all([this.repo.folders(networkId, parentId), this.repo.documents(networkId, parentId)]);
    const manage = actor !== null && this.access.canManageDocuments(standing);
    return {
      networkId,
      folder: path ? folderView(path.folder) : null,
      breadcrumbs: (path?.path.slice(0, -1) ?? []).map((f) => ({ id: f.id, name: f.name })),
      folders: folders.filter((f) => this.access.canSeeDocumentFolder(standing, f.animators_only)).map(folderView),
      documents: await this.items(actor, standing, documents),
      rights: { write: this.access.canWriteDocuments(actor, standing), manage },
      maxBytes: this.config.UPLOAD_DOCUMENT_MAX_BYTES,
    };
  }

  private async items(actor: MaybeActor, standing: NetworkStanding, rows: DocumentRow[]): Promise<DocumentItem[]> {
    const current = new Map(
      (
        await this.repo.versions(
          rows.map((r) => r.id),
          true,
        )
      ).map((v) => [v.document_id, v]),
    );
    return rows.flatMap((row) => {
      const version = current.get(row.id);
      return version ? [this.item(actor, standing, row, version)] : [];
    });
  }

  private item(actor: MaybeActor, standing: NetworkStanding, row: DocumentRow, current: VersionRow): DocumentItem {
    return {
      id: row.id,
      networkId: row.network_id,
      folderId: row.folder_id,
      title: row.title,
      description: row.description,
      current: versionView(current),
      versionCount: row.current_version,
      author: person(row.created_by_id, row.creator_first_name, row.creator_last_name),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      canEdit: this.access.canEditDocument(actor, standing, { createdById: row.created_by_id }),
    };
  }

  async document(actor: MaybeActor, documentId: string): Promise<DocumentDetail> {
    return this.detail(actor, await this.documentContext(actor, documentId));
  }

  private async detail(actor: MaybeActor, ctx: DocumentContext): Promise<DocumentDetail> {
    const row = (await this.repo.document(ctx.row.id)) ?? ctx.row;
    const versions = await this.repo.versions([row.id], false);
    const current = versions.find((v) => v.number === row.current_version) ?? versions[0];
    return { ...this.item(actor, ctx.standing, row, current), versions: versions.map(versionView) };
  }

  /** The library's search box: the search engine, documents of this network only, each hit re-checked. */
  async search(actor: MaybeActor, networkId: string, q: string): Promise<DocumentSearchResult> {
    await this.network(actor, networkId);
    const audience = await this.access.searchAudience(actor);
    const result = await this.engine.search({
      q,
      kinds: ['document'],
      filters: { networkIds: [networkId] },
      page: 1,
      pageSize: SEARCH_LIMIT,
      highlight: true,
      audience,
    });
    const items = result.hits
      .filter((hit) => hit.payload.networkId === networkId && this.access.canSeeSearchHit(audience, hit))
      .map((hit) => ({
        id: hit.id,
        title: hit.title,
        highlights: hit.highlights,
        folderId: (hit.payload.folderId as string | null) ?? null,
        fileName: String(hit.payload.fileName ?? ''),
        mimeType: String(hit.payload.mimeType ?? ''),
        updatedAt: String(hit.payload.updatedAt ?? ''),
      }));
    return { items, total: Math.max(result.total, items.length) };
  }

  // ---------- folders ----------

  /** Every folder the caller may see in a library, with its path (move pickers). */
  async folderOptions(actor: MaybeActor, networkId: string): Promise<DocumentFolderOption[]> {
    const standing = await this.network(actor, networkId);
    return (await this.repo.folderTree(networkId))
      .filter((f) => this.access.canSeeDocumentFolder(standing, f.restricted))
      .map((f) => ({ id: f.id, parentId: f.parent_id, path: f.path, animatorsOnly: f.animators_only }));
  }

  async createFolder(actor: Actor, networkId: string, dto: CreateDocumentFolderDto): Promise<DocumentFolderView> {
    const standing = await this.network(actor, networkId, dto.animatorsOnly ? 'manage' : 'write');
    const parentId = dto.parentId ?? null;
    if (parentId) {
      const parent = await this.visibleFolder(standing, networkId, parentId, DocumentErrors.invalidParent);
      if (parent.path.length >= MAX_FOLDER_DEPTH) throw DocumentErrors.tooDeep();
    }
    const saved = await this.db.manager.save(DocumentFolder, {
      networkId,
      parentId,
      name: dto.name,
      animatorsOnly: dto.animatorsOnly ?? false,
      createdById: actor.personId,
    });
    return this.folderViewOf(saved.id);
  }

  async updateFolder(actor: Actor, folderId: string, dto: UpdateDocumentFolderDto): Promise<DocumentFolderView> {
    const { path, standing } = await this.folderContext(actor, folderId, 'manage');
    const folder = path.folder;
    const moving = dto.parentId !== undefined && dto.parentId !== folder.parent_id;
    if (moving && dto.parentId) {
      const target = await this.visibleFolder(standing, folder.network_id, dto.parentId, DocumentErrors.invalidParent);
      if (target.path.some((f) => f.id === folder.id)) throw DocumentErrors.invalidParent();
      if (target.path.length + (await this.repo.subtreeDepth(folder.id)) + 1 > MAX_FOLDER_DEPTH) throw DocumentErrors.tooDeep();
    }
    const restrictionChanged = moving || (dto.animatorsOnly !== undefined && dto.animatorsOnly !== folder.animators_only);
    await this.db.transaction(async (tx) => {
      await tx.update(DocumentFolder, folder.id, {
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(moving ? { parentId: dto.parentId ?? null } : {}),
        ...(dto.animatorsOnly !== undefined ? { animatorsOnly: dto.animatorsOnly } : {}),
      });
      // Who may find the documents below may have changed: their search documents go first.
      if (restrictionChanged) await this.indexer.enqueue(tx, 'document', await this.repo.documentIdsBelow(folder.id, tx), { priority: 0 });
    });
    return this.folderViewOf(folder.id);
  }

  private async folderViewOf(folderId: string): Promise<DocumentFolderView> {
    const row = await this.repo.folder(folderId);
    if (!row) throw AppException.notFound(FOLDER);
    return folderView(row);
  }

  async deleteFolder(actor: Actor, folderId: string): Promise<void> {
    const { path } = await this.folderContext(actor, folderId, 'manage');
    await this.db.transaction(async (tx) => {
      // Locks the folder's row: a concurrent upload into it waits, then finds it deleted.
      await tx.query('SELECT id FROM document_folders WHERE id = $1 FOR UPDATE', [path.folder.id]);
      const fresh = await this.repo.folder(path.folder.id, tx);
      if (!fresh) return;
      if (fresh.item_count > 0) throw DocumentErrors.folderNotEmpty();
      await tx.softDelete(DocumentFolder, fresh.id);
    });
  }

  // ---------- documents ----------

  private async receive(source: UploadSource): Promise<{ upload: ReceivedUpload; fields: UploadDocumentFieldsDto }> {
    const upload = await this.files.receive(source, this.config.UPLOAD_DOCUMENT_MAX_BYTES);
    assertCleanInput(upload.fields);
    const fields = (await createValidationPipe().transform(upload.fields, {
      type: 'body',
      metatype: UploadDocumentFieldsDto,
    })) as UploadDocumentFieldsDto;
    return { upload, fields };
  }

  /**
   * Checks the bytes (type, archive bombs, scripts), then stores the file and its thumbnail, then lets
   * `record` write the rows in a transaction; the stored files are removed if that fails.
   */
  private async storeVersion(
    actor: Actor,
    upload: ReceivedUpload,
    record: (tx: EntityManager, file: StoredFile, thumbnail: StoredFile | null) => Promise<void>,
  ): Promise<void> {
    const type = await sniffDocument(upload.data, upload.filename);
    const file = await this.files.storeTyped(upload, type, { isPublic: false, uploadedById: actor.personId });
    const thumbnail = isRasterImage(type.mime) ? await this.files.storeThumbnail(upload.data, actor.personId) : null;
    try {
      await this.db.transaction((tx) => record(tx, file, thumbnail));
    } catch (err) {
      await this.files.remove(thumbnail?.id ?? null);
      await this.files.remove(file.id);
      throw err;
    }
  }

  async upload(actor: Actor, networkId: string, folderId: string | undefined, source: UploadSource): Promise<DocumentItem> {
    const standing = await this.network(actor, networkId, 'write');
    const folder = folderId ? await this.visibleFolder(standing, networkId, folderId, DocumentErrors.invalidFolder) : null;
    const { upload, fields } = await this.receive(source);
    let documentId = '';
    await this.storeVersion(actor, upload, async (tx, file, thumbnail) => {
      if (folderId) {
        // The folder may have been deleted meanwhile (its row lock orders this after a delete).
        const live: unknown[] = await tx.query('SELECT id FROM document_folders WHERE id = $1 AND deleted_at IS NULL FOR SHARE', [
          folderId,
        ]);
        if (!live.length) throw DocumentErrors.invalidFolder();
      }
      const document = await tx.save(LibraryDocument, {
        networkId,
        folderId: folderId ?? null,
        title: fields.title ?? titleOf(upload.filename),
        description: fields.description ?? '',
        currentVersion: 1,
        createdById: actor.personId,
      });
      documentId = document.id;
      await tx.save(DocumentVersion, {
        documentId,
        number: 1,
        fileId: file.id,
        thumbnailFileId: thumbnail?.id ?? null,
        authorId: actor.personId,
      });
      await this.indexer.enqueue(tx, 'document', [documentId]);
      // An animators-only folder's documents are news to its managers only: nobody is told.
      if (!folder?.restricted) await this.announceNew(tx, actor, { id: documentId, networkId, title: document.title });
    });
    const row = await this.repo.document(documentId);
    const [item] = row ? await this.items(actor, standing, [row]) : [];
    if (!item) throw AppException.notFound(DOCUMENT);
    return item;
  }

  /** Tells the network's members of a new document (`network.new_document`; each one's level for the network decides). */
  private async announceNew(tx: EntityManager, actor: Actor, document: { id: string; networkId: string; title: string }): Promise<void> {
    const [row]: { network: string; slug: string; author: string }[] = await tx.query(
      `SELECT n.name AS network, n.slug, (SELECT trim(p.first_name || ' ' || p.last_name) FROM people p WHERE p.id = $2) AS author FROM networks n WHERE n.id = $1`,
      [document.networkId, actor.personId],
    );
    await this.notifications.notify(tx, {
      type: 'network.new_document',
      recipients: await this.access.networkMemberIds(document.networkId, tx),
      actorId: actor.personId,
      subject: { kind: 'document', id: document.id, networkId: document.networkId },
      data: { network: row.network, title: document.title, author: row.author },
      path: `/reseaux/${row.slug}/documents`,
    });
  }

  async newVersion(actor: Actor, documentId: string, source: UploadSource): Promise<DocumentDetail> {
    const ctx = await this.documentContext(actor, documentId, 'write');
    const { upload } = await this.receive(source);
    await this.storeVersion(actor, upload, async (tx, file, thumbnail) => {
      const number = await this.repo.nextVersion(tx, documentId);
      await tx.save(DocumentVersion, {
        documentId,
        number,
        fileId: file.id,
        thumbnailFileId: thumbnail?.id ?? null,
        authorId: actor.personId,
      });
      await this.indexer.enqueue(tx, 'document', [documentId]);
    });
    return this.detail(actor, ctx);
  }

  /** Makes an old version current again, as a new version pointing at the same file (nothing is lost). */
  async restore(actor: Actor, documentId: string, number: number): Promise<DocumentDetail> {
    const ctx = await this.documentContext(actor, documentId, 'write');
    await this.db.transaction(async (tx) => {
      const source = await this.repo.version(documentId, number, tx);
      if (!source) throw AppException.notFound(VERSION);
      const next = await this.repo.nextVersion(tx, documentId);
      if (source.number === next - 1) throw DocumentErrors.sameVersion();
      await tx.save(DocumentVersion, {
        documentId,
        number: next,
        fileId: source.file_id,
        thumbnailFileId: source.thumbnail_file_id,
        restoredFrom: source.number,
        authorId: actor.personId,
      });
      await this.indexer.enqueue(tx, 'document', [documentId]);
    });
    return this.detail(actor, ctx);
  }

  async update(actor: Actor, documentId: string, dto: UpdateDocumentDto): Promise<DocumentItem> {
    const ctx = await this.documentContext(actor, documentId);
    if (!this.access.canEditDocument(actor, ctx.standing, { createdById: ctx.row.created_by_id })) throw AppException.forbidden();
    const moving = dto.folderId !== undefined && dto.folderId !== ctx.row.folder_id;
    if (moving && dto.folderId) await this.visibleFolder(ctx.standing, ctx.row.network_id, dto.folderId, DocumentErrors.invalidFolder);
    await this.db.transaction(async (tx) => {
      await tx.update(LibraryDocument, documentId, {
        ...(dto.title !== undefined ? { title: dto.title } : {}),
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        ...(moving ? { folderId: dto.folderId ?? null } : {}),
      });
      await this.indexer.enqueue(tx, 'document', [documentId], { priority: moving ? 0 : 1 });
    });
    const detail = await this.detail(actor, ctx);
    const { versions: _versions, ...item } = detail;
    return item;
  }

  async remove(actor: Actor, documentId: string): Promise<void> {
    const ctx = await this.documentContext(actor, documentId);
    if (!this.access.canEditDocument(actor, ctx.standing, { createdById: ctx.row.created_by_id })) throw AppException.forbidden();
    await this.db.transaction(async (tx) => {
      await tx.softDelete(LibraryDocument, documentId);
      await this.indexer.enqueue(tx, 'document', [documentId], { priority: 0 });
    });
  }

  // ---------- files ----------

  /**
   * Sends a version's file: `download` as an attachment, `preview` inline for PDFs only, `thumbnail` the
   * WebP thumbnail of a raster image. Always through the access policy, never cached by shared caches.
   */
  async send(
    actor: MaybeActor,
    documentId: string,
    number: number | 'current',
    what: 'download' | 'preview' | 'thumbnail',
  ): Promise<FileToSend> {
    await this.documentContext(actor, documentId);
    const version = await this.repo.version(documentId, number);
    if (!version) throw AppException.notFound(VERSION);
    const fileId = what === 'thumbnail' ? version.thumbnail_file_id : version.file_id;
    if (!fileId || (what === 'preview' && version.mime_type !== 'application/pdf'))
      throw AppException.notFound(what === 'thumbnail' ? 'Thumbnail' : 'Preview');
    const file = await this.files.find(fileId);
    if (!file) throw AppException.notFound(VERSION);
    return { file, inline: what !== 'download' };
  }

  // ---------- steering aggregates (read by the steering module's refresh job) ----------

  /** Documents added per network and Europe/Paris day in [from, to) (deleted ones excluded), and who shared a version. */
  /**
   * The documents added lately to these networks' libraries, newest first (the activity feed; the caller passes
   * networks whose library the reader reads). Documents under an animators-only folder come only for the networks in
   * `managed` (AccessPolicy.canSeeDocumentFolder).
   */
  async recentDocuments(
    networkIds: readonly string[],
    managed: readonly string[],
    limit: number,
  ): Promise<{ id: string; networkId: string; title: string; author: string | null; at: Date }[]> {
    if (!networkIds.length) return [];
    const rows: { id: string; network_id: string; title: string; author: string | null; created_at: Date }[] = await this.db.query(
      `WITH RECURSIVE restricted AS (
         SELECT f.id FROM document_folders f WHERE f.network_id = ANY($1::uuid[]) AND f.animators_only
         UNION SELECT c.id FROM document_folders c JOIN restricted r ON c.parent_id = r.id
       )
       SELECT d.id, d.network_id, d.title, d.created_at, (SELECT trim(p.first_name || ' ' || p.last_name) FROM people p WHERE p.id = d.created_by_id) AS author
       FROM documents d LEFT JOIN document_folders f ON f.id = d.folder_id
       WHERE d.network_id = ANY($1::uuid[]) AND d.deleted_at IS NULL AND (d.folder_id IS NULL OR f.deleted_at IS NULL)
         AND (d.network_id = ANY($2::uuid[]) OR d.folder_id IS NULL OR d.folder_id NOT IN (SELECT id FROM restricted))
       ORDER BY d.created_at DESC, d.id LIMIT $3`,
      [[...new Set(networkIds)], [...managed], limit],
    );
    return rows.map((r) => ({ id: r.id, networkId: r.network_id, title: r.title, author: r.author, at: new Date(r.created_at) }));
  }

  async steeringActivity(
    db: Pick<EntityManager, 'query'>,
    from: string,
    to: string,
  ): Promise<{
    days: { network_id: string; day: string; documents_added: number }[];
    people: { network_id: string; person_id: string; day: string }[];
  }> {
    const window = `>= ($1::date::timestamp AT TIME ZONE 'Europe/Paris') AND %s < ($2::date::timestamp AT TIME ZONE 'Europe/Paris')`;
    const days = await db.query(
      `SELECT network_id, (created_at AT TIME ZONE 'Europe/Paris')::date::text AS day, count(*)::int AS documents_added
       FROM documents WHERE deleted_at IS NULL AND created_at ${window.replace('%s', 'created_at')} GROUP BY 1, 2`,
      [from, to],
    );
    const people = await db.query(
      `SELECT DISTINCT d.network_id, v.author_id AS person_id, (v.created_at AT TIME ZONE 'Europe/Paris')::date::text AS day
       FROM document_versions v JOIN documents d ON d.id = v.document_id
       WHERE d.deleted_at IS NULL AND v.author_id IS NOT NULL AND v.created_at ${window.replace('%s', 'v.created_at')}`,
      [from, to],
    );
    return { days, people };
  }
}
