import { CreateDateColumn, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ForumReaction as ForumReactionKey } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { ForumPost } from './forum-post.entity';

/** One person's reaction to a post (several reactions per person, one of each kind). */
@Entity('forum_reactions')
export class ForumReaction {
  @PrimaryColumn({ type: 'uuid' })
  postId: string;

  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  reaction: ForumReactionKey;

  @ManyToOne(() => ForumPost, { onDelete: 'CASCADE' })
  post?: ForumPost;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
