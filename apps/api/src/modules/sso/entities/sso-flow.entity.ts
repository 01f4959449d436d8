import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '../../organizations/entities/organization.entity';

/**
 * A sign-in in progress at a provider, keyed by the hash of its `state`; bound to the browser that
 * started it by a cookie (only its hash is stored). Deleted when the provider sends the browser back:
 * a callback is honoured once.
 */
@Entity('sso_flows')
export class SsoFlow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  stateHash: string;

  @Column({ type: 'varchar', length: 64 })
  browserHash: string;

  @Index('ix_sso_flows_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 100 })
  nonce: string;

  @Column({ type: 'varchar', length: 200 })
  codeVerifier: string;

  @Index('ix_sso_flows_expires')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
