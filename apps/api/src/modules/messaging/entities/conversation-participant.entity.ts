import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ConversationRole } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Conversation } from './conversation.entity';

/** A person in a conversation; `left_at` set once they left or were removed (the row keeps their receipts). */
@Entity('conversation_participants')
export class ConversationParticipant {
  @PrimaryColumn({ type: 'uuid' })
  conversationId: string;

  @Index('ix_conversation_participants_person')
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  conversation?: Conversation;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'varchar', length: 8, default: 'member' })
  role: ConversationRole;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  /** Read receipt: the highest sequence number read. */
  @Column({ type: 'bigint', default: 0 })
  lastReadSeq: string;

  @Column({ type: 'boolean', default: false })
  muted: boolean;
}
