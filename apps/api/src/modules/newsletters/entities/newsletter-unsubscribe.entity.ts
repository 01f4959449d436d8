import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';

/** A person who gets no more newsletters of a network (one-click unsubscribe). */
@Entity('newsletter_unsubscribes')
export class NewsletterUnsubscribe {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  /** The newsletter whose link was used (its figures count it). */
  @Column({ type: 'uuid', nullable: true })
  newsletterId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
