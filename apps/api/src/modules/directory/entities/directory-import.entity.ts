import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DirectoryImportRejection, DirectoryImportStatus } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';

/** A SIRENE StockEtablissement file uploaded by a platform admin, and the progress of its import. */
@Entity('directory_imports')
export class DirectoryImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  status: DirectoryImportStatus;

  /**
   * true while queued or running, NULL once finished: the unique index lets one import run at a
   * time, whichever API replica received it.
   */
  @Index('uq_directory_imports_active', { unique: true })
  @Column({ type: 'boolean', nullable: true })
  active: true | null;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'bigint', default: 0 })
  bytesTotal: string;

  @Column({ type: 'bigint', default: 0 })
  bytesRead: string;

  @Column({ type: 'integer', default: 0 })
  linesRead: number;

  @Column({ type: 'integer', default: 0 })
  imported: number;

  @Column({ type: 'integer', default: 0 })
  created: number;

  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Column({ type: 'integer', default: 0 })
  skippedClosed: number;

  @Column({ type: 'integer', default: 0 })
  rejectedCount: number;

  /** The first rejected lines (the count above is exact). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rejected: DirectoryImportRejection[];

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  startedById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  startedBy?: Person | null;

  /** Refreshed while the file is received and imported: a stale one means its process stopped. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  heartbeatAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
