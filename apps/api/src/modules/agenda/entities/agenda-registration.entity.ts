import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgendaRegistrationStatus } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { AgendaEvent } from './agenda-event.entity';

/** A person's registration to an event: one row per person and event (a new registration after a cancellation reuses it). */
@Entity('agenda_registrations')
@Index('uq_agenda_registrations_person', ['eventId', 'personId'], { unique: true })
@Index('uq_agenda_registrations_check_in_code', ['checkInCode'], { unique: true })
export class AgendaRegistration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => AgendaEvent, { onDelete: 'CASCADE' })
  event?: AgendaEvent;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'varchar', length: 16 })
  status: AgendaRegistrationStatus;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, string>;

  /** The waitlist order (the time of the last registration). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  queuedAt: Date;

  /** Attendance recorded at check-in (network indicators). */
  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  checkedInById: string | null;

  /**
   * The code of the holder's QR code, drawn by the database's default (see its migration; written here as PostgreSQL
   * reads it back, for the schema comparison), never chosen by a client.
   */
  @Column({
    type: 'varchar',
    length: 16,
    insert: false,
    update: false,
    default: () => 'upper(substr(md5(((gen_random_uuid())|| (clock_timestamp()))), 1, 16))',
  })
  checkInCode: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
