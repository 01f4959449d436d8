import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MailBody } from './mail-body.entity';

/** Every e-mail the platform sends; delivered by SMTP when configured, readable by admins. */
@Entity('mail_outbox')
@Check('CHK_mail_outbox_body', '"body_id" IS NOT NULL OR ("html" IS NOT NULL AND "text" IS NOT NULL)')
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254 })
  to: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  /** Null when the mail's body is shared (bodyId): see MailService.compose. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** A body stored once for many mails (a newsletter), whose placeholders `vars` fill in for this one. */
  @Column({ type: 'uuid', nullable: true })
  bodyId: string | null;

  @ManyToOne(() => MailBody, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'FK_mail_outbox_body' })
  body?: MailBody;

  /** Placeholder → this mail's value (e.g. its recipient's unsubscribe token), for a shared body. */
  @Column({ type: 'jsonb', nullable: true })
  vars: Record<string, string> | null;

  @Column({ type: 'varchar', length: 64 })
  template: string;

  /** What the mail belongs to (e.g. `newsletter:<id>`), for the sender's figures; null for one-off mails. */
  @Index('ix_mail_outbox_ref')
  @Column({ type: 'varchar', length: 80, nullable: true })
  ref: string | null;

  /** A failed mail is retried from this time on (backoff); null: as soon as possible. */
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** Extra headers (e.g. List-Unsubscribe), or null. */
  @Column({ type: 'jsonb', nullable: true })
  headers: Record<string, string> | null;

  @Index('ix_mail_outbox_status')
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: 'pending' | 'sending' | 'sent' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
