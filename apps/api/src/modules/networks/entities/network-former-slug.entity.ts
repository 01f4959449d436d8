import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from './network.entity';

/** An address a network had before it was changed: links to it keep leading to the network. */
@Entity('network_former_slugs')
export class NetworkFormerSlug {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  slug: string;

  @Index('ix_network_former_slugs_network')
  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
