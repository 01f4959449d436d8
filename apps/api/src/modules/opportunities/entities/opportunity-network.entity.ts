import { Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from '../../networks/entities/network.entity';
import { Opportunity } from './opportunity.entity';

/** A network whose active members form (part of) the audience of an opportunity restricted to networks. */
@Entity('opportunity_networks')
export class OpportunityNetwork {
  @PrimaryColumn({ type: 'uuid' })
  opportunityId: string;

  @Index('ix_opportunity_networks_network')
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Opportunity, { onDelete: 'CASCADE' })
  opportunity?: Opportunity;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;
}
