import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NetworkInvitationKind } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Network } from './network.entity';

/**
 * An invitation to join a network: sent by e-mail to one address (one use, bound to that address),
 * or a shareable link (optional expiry and maximum number of uses). Only the token's SHA-256 is stored.
 */
@Entity('network_invitations')
export class NetworkInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_network_invitations_network')
  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'varchar', length: 8 })
  kind: NetworkInvitationKind;

  /** The invited address (e-mail invitations only), lower case. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Index('uq_network_invitations_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  createdBy?: Person;

  /** Null: a link that does not expire. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Null: unlimited uses (links); 1 for e-mail invitations. */
  @Column({ type: 'int', nullable: true })
  maxUses: number | null;

  @Column({ type: 'int', default: 0 })
  uses: number;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
