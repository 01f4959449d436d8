import { Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from '../../networks/entities/network.entity';
import { Newsletter } from './newsletter.entity';

/** The networks a newsletter is written for (its audience, and the pages whose archive shows it). */
@Entity('newsletter_networks')
@Index('ix_newsletter_networks_network', ['networkId'])
export class NewsletterNetwork {
  @PrimaryColumn({ type: 'uuid' })
  newsletterId: string;

  @ManyToOne(() => Newsletter, { onDelete: 'CASCADE' })
  newsletter?: Newsletter;

  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;
}
