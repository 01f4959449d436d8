import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportReason, ReportStatus, ReportTargetKind } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';

/** A person's report of some content; one open report per person and target. */
@Entity('moderation_reports')
@Index('ix_moderation_reports_queue', ['networkId', 'status'])
@Index('ix_moderation_reports_target', ['targetKind', 'targetId'])
@Index('uq_moderation_reports_open', ['targetKind', 'targetId', 'reporterId'], { unique: true, where: `"status" = 'open'` })
export class ModerationReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  targetKind: ReportTargetKind;

  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'uuid', nullable: true })
  reporterId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  reporter?: Person;

  @Column({ type: 'varchar', length: 32 })
  reason: ReportReason;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: ReportStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  decidedBy?: Person;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
