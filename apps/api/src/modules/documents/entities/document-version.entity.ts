import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StoredFile } from '../../../core/storage/entities/stored-file.entity';
import { Person } from '../../identity/entities/person.entity';
import { LibraryDocument } from './document.entity';

/** One version of a document: its file (and a thumbnail for raster images). Versions are never changed. */
@Entity('document_versions')
@Unique('uq_document_versions_number', ['documentId', 'number'])
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => LibraryDocument, { onDelete: 'CASCADE' })
  document?: LibraryDocument;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  file?: StoredFile;

  @Column({ type: 'uuid', nullable: true })
  thumbnailFileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'SET NULL' })
  thumbnailFile?: StoredFile;

  /** The version this one copies (a restore), or null. */
  @Column({ type: 'integer', nullable: true })
  restoredFrom: number | null;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  author?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
