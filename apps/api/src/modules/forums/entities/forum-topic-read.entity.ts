import { Column, Entity, Index, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { ForumTopic } from './forum-topic.entity';

/** A person's read marker in a topic: the last post sequence read. */
@Entity('forum_topic_reads')
export class ForumTopicRead {
  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  @Index('ix_forum_topic_reads_person')
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => ForumTopic, { onDelete: 'CASCADE' })
  topic?: ForumTopic;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'integer' })
  lastReadSequence: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
