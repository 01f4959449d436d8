import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Newsletter } from './newsletter.entity';

/**
 * One person a newsletter goes to (the primary key makes it once per person): `pending` until the worker
 * writes the mail to the outbox in the same transaction as it marks the row `queued`, or `skipped` when the
 * person unsubscribed from every network they would get it through.
 */
@Entity('newsletter_recipients')
@Index('ix_newsletter_recipients_status', ['newsletterId', 'status'])
export class NewsletterRecipient {
  @PrimaryColumn({ type: 'uuid' })
  newsletterId: string;

  @ManyToOne(() => Newsletter, { onDelete: 'CASCADE' })
  newsletter?: Newsletter;

  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  /** The chosen networks the person gets it through (an unsubscribe link stops these). */
  @Column({ type: 'uuid', array: true })
  networkIds: string[];

  /** The address and language at the time of sending. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 2 })
  locale: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: 'pending' | 'queued' | 'skipped';

  @Column({ type: 'uuid', nullable: true })
  mailId: string | null;
}
