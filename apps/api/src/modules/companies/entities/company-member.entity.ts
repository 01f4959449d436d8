import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CompanyRole } from '@maillage/contracts';
import { Company } from './company.entity';
import { Person } from '../../identity/entities/person.entity';

/** A person of a company, with a role; a person may belong to several companies. */
@Entity('company_members')
export class CompanyMember {
  @PrimaryColumn({ type: 'uuid' })
  companyId: string;

  @Index('ix_company_members_person')
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'varchar', length: 16 })
  role: CompanyRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
