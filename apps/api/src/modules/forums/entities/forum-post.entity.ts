import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { ForumTopic } from './forum-topic.entity';

/** A post: Markdown as written, HTML rendered and sanitised at write time. */
@Entity('forum_posts')
@Index('uq_forum_posts_sequence', ['topicId', 'sequence'], { unique: true })
export class ForumPost {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  topicId: string;

  @ManyToOne(() => ForumTopic, { onDelete: 'CASCADE' })
  topic?: ForumTopic;

  @Column({ type: 'integer' })
  sequence: number;

  @Index('ix_forum_posts_author')
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  author?: Person;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  html: string;

  /** A post of the same topic quoted by this one. */
  @Column({ type: 'uuid', nullable: true })
  quotePostId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deletedBy: string | null;

  @Index('ix_forum_posts_created')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
