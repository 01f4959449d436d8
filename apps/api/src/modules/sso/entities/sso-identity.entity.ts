import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Organization } from '../../organizations/entities/organization.entity';

/** Who a provider's subject is here: written at the first sign-in, read at every later one. */
@Entity('sso_identities')
export class SsoIdentity {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  /** The provider's `sub` claim. */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  subject: string;

  @Index('ix_sso_identities_person')
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
