import { CreateDateColumn, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MessageReaction as MessageReactionKey } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Message } from './message.entity';

/** One person's reaction to a message (one of each kind). */
@Entity('message_reactions')
export class MessageReaction {
  @PrimaryColumn({ type: 'uuid' })
  messageId: string;

  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  reaction: MessageReactionKey;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  message?: Message;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
