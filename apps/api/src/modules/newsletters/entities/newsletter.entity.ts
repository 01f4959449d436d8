import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { NewsletterAudience, NewsletterBlock, NewsletterStatus } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';

/** A newsletter: drafted by an animator, then scheduled, sent by the worker, and kept as an archive. */
@Entity('newsletters')
@Index('ix_newsletters_due', ['status', 'scheduledAt'])
export class Newsletter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 150 })
  subject: string;

  @Column({ type: 'jsonb' })
  blocks: NewsletterBlock[];

  @Column({ type: 'jsonb' })
  audience: NewsletterAudience;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: NewsletterStatus;

  @Column({ type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** While sending: the worker holding it until then (another replica takes over after). */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  /** Rendered once when sending starts: the mail's body shared by every recipient in the outbox (core/mail), with placeholders. */
  @Column({ type: 'uuid', nullable: true })
  mailBodyId: string | null;

  /** The web version kept as the archive (direct links, no unsubscribe). */
  @Column({ type: 'text', nullable: true })
  archiveHtml: string | null;

  /** The targets of the mail's counted links, by index. */
  @Column({ type: 'jsonb', nullable: true })
  links: string[] | null;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  author?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
