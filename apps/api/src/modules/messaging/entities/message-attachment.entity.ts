import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFile } from '../../../core/storage/entities/stored-file.entity';
import { Person } from '../../identity/entities/person.entity';
import { Conversation } from './conversation.entity';
import { Message } from './message.entity';

/** A file uploaded into a conversation; attached to a message when the message is sent. */
@Entity('message_attachments')
export class MessageAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  conversation?: Conversation;

  @Index('ix_message_attachments_message')
  @Column({ type: 'uuid', nullable: true })
  messageId: string | null;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  message?: Message;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'CASCADE' })
  file?: StoredFile;

  @Column({ type: 'uuid' })
  uploaderId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  uploader?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
