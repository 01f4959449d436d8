import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NetworkVisibility } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { SearchDocument } from '../../core/search/search.types';
import type { SearchSource } from '../../core/search/search-indexer.service';
import { MAX_FOLDER_DEPTH } from './documents.repository';

interface DocumentSearchRow {
  id: string;
  title: string;
  description: string;
  folder_id: string | null;
  updated_at: Date;
  network_id: string;
  network_name: string;
  visibility: NetworkVisibility;
  host: string;
  file_name: string;
  mime_type: string;
  /** Some folder on its path is animators-only. */
  restricted: boolean;
  /** Some folder on its path is deleted (the document is then out of reach). */
  hidden: boolean;
}

/**
 * Library documents as search documents: title and description (never the file's bytes). Public in a
 * public network's open folders; otherwise found only by the network's content readers, or its
 * managers in animators-only folders (AccessPolicy.documentAudience). Deleted documents, and
 * documents of deleted folders, have no search document.
 */
@Injectable()
export class DocumentSearchSource implements SearchSource {
  readonly kind = 'document' as const;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async ids(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] =
      afterId === null
        ? await this.db.query('SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY id LIMIT $1', [limit])
        : await this.db.query('SELECT id FROM documents WHERE deleted_at IS NULL AND id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
    return rows.map((r) => r.id);
  }

  /** The documents of a network's library. */
  async idsOfNetwork(tx: EntityManager, networkId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query('SELECT id FROM documents WHERE network_id = $1 AND deleted_at IS NULL', [networkId]);
    return rows.map((r) => r.id);
  }

  async load(ids: string[]): Promise<SearchDocument[]> {
    const rows: DocumentSearchRow[] = await this.db.query(
      `WITH RECURSIVE up AS (
         SELECT d.id AS document_id, d.folder_id AS folder_id, 0 AS depth FROM documents d WHERE d.id = ANY($1::uuid[]) AND d.folder_id IS NOT NULL
         UNION ALL
         SELECT up.document_id, f.parent_id, up.depth + 1 FROM up JOIN document_folders f ON f.id = up.folder_id WHERE f.parent_id IS NOT NULL AND up.depth < $2
       )
       SELECT d.id, d.title, d.description, d.folder_id, d.updated_at, n.id AS network_id, n.name AS network_name, n.visibility,
              n.host_organization_id AS host, fi.original_name AS file_name, fi.mime_type,
              EXISTS (SELECT 1 FROM up JOIN document_folders f ON f.id = up.folder_id WHERE up.document_id = d.id AND f.animators_only) AS restricted,
              EXISTS (SELECT 1 FROM up JOIN document_folders f ON f.id = up.folder_id WHERE up.document_id = d.id AND f.deleted_at IS NOT NULL) AS hidden
       FROM documents d JOIN networks n ON n.id = d.network_id
       JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version JOIN files fi ON fi.id = v.file_id
       WHERE d.id = ANY($1::uuid[]) AND d.deleted_at IS NULL`,
      [ids, MAX_FOLDER_DEPTH + 1],
    );
    return rows
      .filter((d) => !d.hidden)
      .map((d) => ({
        kind: 'document' as const,
        id: d.id,
        ...this.access.documentAudience({ id: d.network_id, visibility: d.visibility, hostOrganizationId: d.host }, d.restricted),
        title: d.title,
        keywords: [d.file_name],
        body: d.description,
        facets: { networkIds: [d.network_id] },
        location: null,
        payload: {
          networkId: d.network_id,
          networkName: d.network_name,
          folderId: d.folder_id,
          fileName: d.file_name,
          mimeType: d.mime_type,
          updatedAt: new Date(d.updated_at).toISOString(),
        },
      }));
  }
}
