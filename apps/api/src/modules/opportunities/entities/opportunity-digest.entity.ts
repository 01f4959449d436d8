import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person who asked for the weekly e-mail "opportunities for my company" (opt-in), and when it last went. */
@Entity('opportunity_digest_subscriptions')
export class OpportunityDigestSubscription {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastSentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
