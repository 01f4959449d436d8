import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import type { FederationLinkStatus } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Network } from './network.entity';

/**
 * A network belonging to a parent federation (a network of networks). Joining is a request: the link is
 * `pending` until the parent's managers accept it (`accepted`) or refuse it (`refused`); only accepted
 * links make a network a child anywhere (pages, lists, sibling sharing).
 */
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

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: FederationLinkStatus;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  requestedBy?: Person;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  decidedBy?: Person;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
