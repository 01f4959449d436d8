import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Conversation } from './conversation.entity';

/** A message: numbered within its conversation, deduplicated by the sender's client-generated id. */
@Entity('messages')
@Index('uq_messages_conversation_seq', ['conversationId', 'seq'], { unique: true })
@Index('uq_messages_client_id', ['conversationId', 'senderId', 'clientId'], { unique: true })
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  conversation?: Conversation;

  @Column({ type: 'bigint' })
  seq: string;

  @Index('ix_messages_sender')
  @Column({ type: 'uuid', nullable: true })
  senderId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  sender?: Person;

  @Column({ type: 'uuid' })
  clientId: string;

  /** Markdown source; emptied when deleted. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
