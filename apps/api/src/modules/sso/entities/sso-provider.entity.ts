import { Column, Entity, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../../organizations/entities/organization.entity';

/** An organisation's OpenID Connect provider, through which its staff sign in; the client secret is encrypted at rest. */
@Entity('sso_providers')
export class SsoProvider {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 500 })
  issuer: string;

  @Column({ type: 'varchar', length: 200 })
  clientId: string;

  @Column({ type: 'varchar', length: 1000 })
  clientSecretEncrypted: string;

  /** Lower-cased e-mail domains whose people may sign in through this provider. */
  @Column({ type: 'varchar', length: 253, array: true })
  allowedDomains: string[];

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
