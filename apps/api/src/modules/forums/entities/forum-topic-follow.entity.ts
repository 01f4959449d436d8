import { CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { ForumTopic } from './forum-topic.entity';

/** A person following a topic (notified of replies). */
@Entity('forum_topic_follows')
export class ForumTopicFollow {
  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  @Index('ix_forum_topic_follows_person')
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => ForumTopic, { onDelete: 'CASCADE' })
  topic?: ForumTopic;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
