import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DataExportStatus } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';

/** A data export (ZIP) of a person, built in the background and downloaded by a link that expires. */
@Entity('data_exports')
@Index('ix_data_exports_person', ['personId', 'createdAt'])
@Index('ix_data_exports_pending', ['createdAt'], { where: `"status" IN ('pending', 'running')` })
export class DataExport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  /** The person who asked: the subject, or a platform admin (a request received by post). */
  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: DataExportStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'uuid', nullable: true })
  fileId: string | null;

  /** SHA-256 of the download link's token. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  tokenHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  /** A worker holds the export until then (another replica takes it over after). */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
