import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';
import { ForumCategory } from './forum-category.entity';

/** A topic: its opening post is post 1; counters are kept up to date by the service. */
@Entity('forum_topics')
@Index('ix_forum_topics_network_list', ['networkId', 'pinned', 'lastPostAt'])
export class ForumTopic {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Index('ix_forum_topics_category')
  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => ForumCategory, { onDelete: 'RESTRICT' })
  category?: ForumCategory;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  author?: Person;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  @Column({ type: 'uuid', nullable: true })
  solvedPostId: string | null;

  /** Visible posts (neither hidden nor deleted), the opening post included. */
  @Column({ type: 'integer', default: 0 })
  postCount: number;

  /** The sequence number of the last post (posts are numbered 1, 2, 3… per topic). */
  @Column({ type: 'integer', default: 0 })
  lastSequence: number;

  @Column({ type: 'timestamptz' })
  lastPostAt: Date;

  /**
   * Bumped by database triggers whenever the topic's posts, their reactions or their attachments change,
   * whoever changes them (cascades included): topic pages keep the posts they read while it stays the same.
   * Never written nor read through the entity (a saved copy would set it back).
   */
  @Column({ type: 'integer', default: 0, select: false, insert: false, update: false })
  postsVersion: number;

  @Column({ type: 'uuid', nullable: true })
  lastPostAuthorId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
