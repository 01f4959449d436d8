import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type PersonalDataProvider, type PersonalDataSection, PersonalDataRegistry } from '../../core/privacy/personal-data.registry';

/**
 * The document versions a person uploaded to network libraries, with the files. On erasure they stay in the
 * library (a shared space), their author shown as "Ancien membre".
 */
@Injectable()
export class DocumentsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly name = 'documents';

  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async exportFor(personId: string): Promise<PersonalDataSection> {
    const rows: { title: string; network: string; number: number; file_id: string; original_name: string; created_at: Date }[] =
      await this.db.query(
        `SELECT d.title, n.name AS network, v.number, v.file_id, f.original_name, v.created_at
       FROM document_versions v JOIN documents d ON d.id = v.document_id JOIN networks n ON n.id = d.network_id JOIN files f ON f.id = v.file_id
       WHERE v.author_id = $1 AND d.deleted_at IS NULL ORDER BY v.created_at`,
        [personId],
      );
    const uploads = rows.map((r) => ({
      document: r.title,
      network: r.network,
      version: r.number,
      file: `v${r.number}-${r.original_name}`,
      uploadedAt: r.created_at.toISOString(),
    }));
    return {
      json: { uploads },
      csv: { documents: uploads },
      files: rows.map((r) => ({ fileId: r.file_id, name: `v${r.number}-${r.original_name}` })),
    };
  }

  async erase(): Promise<void> {
    // Nothing to erase: documents belong to their network's library; the author's name goes with the person's row.
  }
}
