import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFile } from '../../../core/storage/entities/stored-file.entity';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';
import { ForumPost } from './forum-post.entity';

/** A file uploaded for a network's forum; attached to a post when the post is written. */
@Entity('forum_attachments')
export class ForumAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Index('ix_forum_attachments_post')
  @Column({ type: 'uuid', nullable: true })
  postId: string | null;

  @ManyToOne(() => ForumPost, { onDelete: 'CASCADE' })
  post?: ForumPost;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'CASCADE' })
  file?: StoredFile;

  @Index('ix_forum_attachments_uploader')
  @Column({ type: 'uuid' })
  uploaderId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  uploader?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
