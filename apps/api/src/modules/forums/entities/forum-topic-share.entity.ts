import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from '../../networks/entities/network.entity';
import { ForumTopic } from './forum-topic.entity';

/** A topic shared by an animator with a sibling network (one sharing a parent federation). */
@Entity('forum_topic_shares')
export class ForumTopicShare {
  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  @Index('ix_forum_topic_shares_network')
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => ForumTopic, { onDelete: 'CASCADE' })
  topic?: ForumTopic;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'uuid', nullable: true })
  sharedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
