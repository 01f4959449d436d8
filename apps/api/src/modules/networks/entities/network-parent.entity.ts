import { CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from './network.entity';

/** A network belonging to a parent federation (a network of networks). */
@Entity('network_parents')
export class NetworkParent {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @Index('ix_network_parents_parent')
  @PrimaryColumn({ type: 'uuid' })
  parentId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  parent?: Network;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
