import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ForumPost } from './forum-post.entity';

/** A previous version of an edited post. */
@Entity('forum_post_revisions')
export class ForumPostRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_forum_post_revisions_post')
  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => ForumPost, { onDelete: 'CASCADE' })
  post?: ForumPost;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'uuid', nullable: true })
  editorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
