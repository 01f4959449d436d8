import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Newsletter } from './newsletter.entity';

/** A click on a newsletter's link (counted by the redirect; nothing is tracked when mails are opened). */
@Entity('newsletter_clicks')
@Index('ix_newsletter_clicks_newsletter', ['newsletterId'])
export class NewsletterClick {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  newsletterId: string;

  @ManyToOne(() => Newsletter, { onDelete: 'CASCADE' })
  newsletter?: Newsletter;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'smallint' })
  link: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
