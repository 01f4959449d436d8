import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PollResultsVisibility } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { ForumTopic } from '../../forums/entities/forum-topic.entity';

/** A poll attached to a forum topic (one per topic): whoever reads the topic sees it, whoever may reply votes. */
@Entity('polls')
export class Poll {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', unique: true })
  topicId: string;

  @ManyToOne(() => ForumTopic, { onDelete: 'CASCADE' })
  topic?: ForumTopic;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  author?: Person;

  @Column({ type: 'varchar', length: 300 })
  question: string;

  @Column({ type: 'boolean', default: false })
  multiple: boolean;

  @Column({ type: 'varchar', length: 16 })
  resultsVisibility: PollResultsVisibility;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  /** Closed early by its author or a moderator. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
