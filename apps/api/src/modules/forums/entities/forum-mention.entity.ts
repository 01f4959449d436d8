import { CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { ForumPost } from './forum-post.entity';

/** A member mentioned in a post (and notified once). */
@Entity('forum_mentions')
export class ForumMention {
  @PrimaryColumn({ type: 'uuid' })
  postId: string;

  @Index('ix_forum_mentions_person')
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => ForumPost, { onDelete: 'CASCADE' })
  post?: ForumPost;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
