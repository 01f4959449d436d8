import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LegalDocumentKind } from '@maillage/contracts';

/** A published version of the terms of use or of the privacy policy (Markdown); the highest version is current. */
@Entity('legal_documents')
@Index('uq_legal_documents_kind_version', ['kind', 'version'], { unique: true })
export class LegalDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: LegalDocumentKind;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt: Date;
}
