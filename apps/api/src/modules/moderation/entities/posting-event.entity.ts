import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';

/** One post by a person in a network, counted by the posting rate limits (rows older than a day are pruned). */
@Entity('moderation_posting_events')
@Index('ix_moderation_posting_events_key', ['networkId', 'personId', 'createdAt'])
export class PostingEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
