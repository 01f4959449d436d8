import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import type { StaffRole } from '@maillage/contracts';
import { Organization } from './organization.entity';
import { Person } from '../../identity/entities/person.entity';

/** A person working for an organisation, as admin or animator. */
@Entity('organization_staff')
export class OrganizationStaff {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @Index('ix_organization_staff_person')
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'varchar', length: 16 })
  role: StaffRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
