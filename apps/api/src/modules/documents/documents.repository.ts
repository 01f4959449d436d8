import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface FolderRow {
  id: string;
  network_id: string;
  parent_id: string | null;
  name: string;
  animators_only: boolean;
  created_at: Date;
  item_count: number;
}

/** A folder with its ancestors: `path` from the root down to the folder itself. */
export interface FolderPath {
  folder: FolderRow;
  path: FolderRow[];
  /** The folder or one of its ancestors is animators-only. */
  restricted: boolean;
}

export interface VersionRow {
  document_id: string;
  number: number;
  file_id: string;
  thumbnail_file_id: string | null;
  restored_from: number | null;
  created_at: Date;
  file_name: string;
  mime_type: string;
  size: number;
  author_id: string | null;
  author_first_name: string | null;
  author_last_name: string | null;
}

export interface DocumentRow {
  id: string;
  network_id: string;
  folder_id: string | null;
  title: string;
  description: string;
  current_version: number;
  created_by_id: string | null;
  creator_first_name: string | null;
  creator_last_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const FOLDER_COLUMNS = `f.id, f.network_id, f.parent_id, f.name, f.animators_only, f.created_at,
  ((SELECT count(*) FROM document_folders c WHERE c.parent_id = f.id AND c.deleted_at IS NULL)
   + (SELECT count(*) FROM documents d WHERE d.folder_id = f.id AND d.deleted_at IS NULL))::int AS item_count`;

const DOCUMENT_COLUMNS = `d.id, d.network_id, d.folder_id, d.title, d.description, d.current_version, d.created_by_id,
  p.first_name AS creator_first_name, p.last_name AS creator_last_name, d.created_at, d.updated_at`;

const VERSION_COLUMNS = `v.document_id, v.number, v.file_id, v.thumbnail_file_id, v.restored_from, v.created_at,
  f.original_name AS file_name, f.mime_type, f.size, v.author_id, a.first_name AS author_first_name, a.last_name AS author_last_name`;

/** At most this many folder levels (also bounds the recursive queries). */
export const MAX_FOLDER_DEPTH = 8;

/** The library's queries (folders with their ancestry, documents with their current version, versions). */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly db: DataSource) {}

  /** A live folder and its ancestors (root first), or null when it or an ancestor is deleted or absent. */
  async folderPath(folderId: string, db: Db = this.db): Promise<FolderPath | null> {
    const rows: (FolderRow & { depth: number; deleted: boolean })[] = await db.query(
      `WITH RECURSIVE up AS (
         SELECT f.id, f.parent_id, 0 AS depth FROM document_folders f WHERE f.id = $1
         UNION ALL
         SELECT f.id, f.parent_id, up.depth + 1 FROM document_folders f JOIN up ON f.id = up.parent_id WHERE up.depth < $2
       )
       SELECT ${FOLDER_COLUMNS}, up.depth, f.deleted_at IS NOT NULL AS deleted
       FROM up JOIN document_folders f ON f.id = up.id ORDER BY up.depth DESC`,
      [folderId, MAX_FOLDER_DEPTH + 1],
    );
    if (!rows.length || rows.some((r) => r.deleted)) return null;
    const path = rows.map(({ depth: _depth, deleted: _deleted, ...row }) => row);
    return { folder: path[path.length - 1], path, restricted: path.some((f) => f.animators_only) };
  }

  /** Whether `folderId` is `ancestorId` or lies below it. */
  async isWithin(folderId: string, ancestorId: string, db: Db = this.db): Promise<boolean> {
    const path = await this.folderPath(folderId, db);
    return !!path?.path.some((f) => f.id === ancestorId);
  }

  /** The depth of the deepest live folder below `folderId` (0: none). */
  async subtreeDepth(folderId: string, db: Db = this.db): Promise<number> {
    const [row]: { depth: number }[] = await db.query(
      `WITH RECURSIVE down AS (
         SELECT f.id, 0 AS depth FROM document_folders f WHERE f.id = $1
         UNION ALL
         SELECT c.id, down.depth + 1 FROM document_folders c JOIN down ON c.parent_id = down.id WHERE c.deleted_at IS NULL AND down.depth < $2
       ) SELECT max(depth)::int AS depth FROM down`,
      [folderId, MAX_FOLDER_DEPTH + 1],
    );
    return row?.depth ?? 0;
  }

  /** The live documents below a folder (at any depth), for reindexing after a move or a restriction change. */
  async documentIdsBelow(folderId: string, db: Db = this.db): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `WITH RECURSIVE down AS (
         SELECT $1::uuid AS id, 0 AS depth
         UNION ALL
         SELECT c.id, down.depth + 1 FROM document_folders c JOIN down ON c.parent_id = down.id WHERE c.deleted_at IS NULL AND down.depth < $2
       ) SELECT d.id FROM documents d JOIN down ON d.folder_id = down.id WHERE d.deleted_at IS NULL`,
      [folderId, MAX_FOLDER_DEPTH + 1],
    );
    return rows.map((r) => r.id);
  }

  /** Every live folder of a network with its path of names and whether it (or an ancestor) is animators-only, in path order. */
  async folderTree(
    networkId: string,
  ): Promise<{ id: string; parent_id: string | null; path: string; restricted: boolean; animators_only: boolean }[]> {
    return this.db.query(
      `WITH RECURSIVE tree AS (
         SELECT f.id, f.parent_id, f.name::text AS path, f.animators_only AS restricted, f.animators_only, 0 AS depth
         FROM document_folders f WHERE f.network_id = $1 AND f.parent_id IS NULL AND f.deleted_at IS NULL
         UNION ALL
         SELECT c.id, c.parent_id, tree.path || ' / ' || c.name, tree.restricted OR c.animators_only, c.animators_only, tree.depth + 1
         FROM document_folders c JOIN tree ON c.parent_id = tree.id WHERE c.deleted_at IS NULL AND tree.depth < $2
       ) SELECT id, parent_id, path, restricted, animators_only FROM tree ORDER BY lower(path), id`,
      [networkId, MAX_FOLDER_DEPTH + 1],
    );
  }

  async folders(networkId: string, parentId: string | null): Promise<FolderRow[]> {
    return this.db.query(
      `SELECT ${FOLDER_COLUMNS} FROM document_folders f
       WHERE f.network_id = $1 AND f.parent_id IS NOT DISTINCT FROM $2::uuid AND f.deleted_at IS NULL ORDER BY lower(f.name), f.id`,
      [networkId, parentId],
    );
  }

  async folder(folderId: string, db: Db = this.db): Promise<FolderRow | null> {
    const rows: FolderRow[] = await db.query(`SELECT ${FOLDER_COLUMNS} FROM document_folders f WHERE f.id = $1 AND f.deleted_at IS NULL`, [
      folderId,
    ]);
    return rows[0] ?? null;
  }

  async documents(networkId: string, folderId: string | null): Promise<DocumentRow[]> {
    return this.db.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d LEFT JOIN people p ON p.id = d.created_by_id
       WHERE d.network_id = $1 AND d.folder_id IS NOT DISTINCT FROM $2::uuid AND d.deleted_at IS NULL ORDER BY lower(d.title), d.id`,
      [networkId, folderId],
    );
  }

  async document(documentId: string, db: Db = this.db): Promise<DocumentRow | null> {
    const rows: DocumentRow[] = await db.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d LEFT JOIN people p ON p.id = d.created_by_id WHERE d.id = $1 AND d.deleted_at IS NULL`,
      [documentId],
    );
    return rows[0] ?? null;
  }

  /** Versions of these documents: all of them (newest first), or only the current ones. */
  async versions(documentIds: readonly string[], onlyCurrent: boolean, db: Db = this.db): Promise<VersionRow[]> {
    if (!documentIds.length) return [];
    return db.query(
      `SELECT ${VERSION_COLUMNS} FROM document_versions v
       JOIN documents d ON d.id = v.document_id JOIN files f ON f.id = v.file_id LEFT JOIN people a ON a.id = v.author_id
       WHERE v.document_id = ANY($1::uuid[]) ${onlyCurrent ? 'AND v.number = d.current_version' : ''}
       ORDER BY v.document_id, v.number DESC`,
      [documentIds],
    );
  }

  async version(documentId: string, number: number | 'current', db: Db = this.db): Promise<VersionRow | null> {
    const rows: VersionRow[] = await db.query(
      `SELECT ${VERSION_COLUMNS} FROM document_versions v
       JOIN documents d ON d.id = v.document_id JOIN files f ON f.id = v.file_id LEFT JOIN people a ON a.id = v.author_id
       WHERE v.document_id = $1 AND v.number = ${number === 'current' ? 'd.current_version' : '$2'}`,
      number === 'current' ? [documentId] : [documentId, number],
    );
    return rows[0] ?? null;
  }

  /** Takes the next version number (the row lock orders concurrent uploads) and returns it. */
  async nextVersion(tx: EntityManager, documentId: string): Promise<number> {
    const result: unknown[] = await tx.query(
      'UPDATE documents SET current_version = current_version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING current_version',
      [documentId],
    );
    // The postgres driver answers [rows, count] to an UPDATE … RETURNING.
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { current_version: number }[];
    return rows[0].current_version;
  }
}
