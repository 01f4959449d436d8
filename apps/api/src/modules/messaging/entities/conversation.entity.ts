import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConversationKind } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';

/** A direct (two people) or group conversation. `last_seq` hands out the messages' sequence numbers. */
@Entity('conversations')
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 8 })
  kind: ConversationKind;

  /** Groups only. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  title: string | null;

  /** Direct conversations: the two person ids, sorted and joined by ":" (one direct conversation per pair). */
  @Index('uq_conversations_direct_key', { unique: true })
  @Column({ type: 'varchar', length: 73, nullable: true })
  directKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  createdBy?: Person;

  /** The sequence number of the newest message (0: none yet). */
  @Column({ type: 'bigint', default: 0 })
  lastSeq: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
