import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgendaEventFormat, AgendaEventStatus, AgendaQuestion } from '@maillage/contracts';
import { Network } from '../../networks/entities/network.entity';
import { Person } from '../../identity/entities/person.entity';

/** An event of a network (its home network; others may share it, see AgendaEventShare). Times are instants (timestamptz). */
@Entity('agenda_events')
@Index('ix_agenda_events_network_start', ['networkId', 'startsAt'])
export class AgendaEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  /** The occurrences of one recurring event share a series id. */
  @Index('ix_agenda_events_series')
  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Markdown, stored raw (rendered and sanitised on display). */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: AgendaEventStatus;

  @Column({ type: 'varchar', length: 16 })
  format: AgendaEventFormat;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  /** Derived from the commune (territorial agenda). */
  @Index('ix_agenda_events_departement')
  @Column({ type: 'varchar', length: 3, nullable: true })
  departementCode: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  regionCode: string | null;

  /** Never in lists, feeds of non-registered people, search or notifications. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  @Index('ix_agenda_events_starts_at')
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  registrationDeadline: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: AgendaQuestion[];

  /** A public image in core/storage. */
  @Column({ type: 'uuid', nullable: true })
  coverFileId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  createdBy?: Person;

  /** Set by the reminder job when the 24-hour reminders are written (claimed with FOR UPDATE SKIP LOCKED). */
  @Column({ type: 'timestamptz', nullable: true })
  reminderSentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
