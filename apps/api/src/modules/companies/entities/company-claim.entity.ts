import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CompanyClaimStatus } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Company } from './company.entity';

/** A person's request to join a company that already has people; its owners and admins accept or refuse it. */
@Entity('company_claims')
@Index('uq_company_claims_pending', ['companyId', 'personId'], { unique: true, where: "status = 'pending'" })
export class CompanyClaim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_company_claims_company')
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: CompanyClaimStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  decidedBy?: Person;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
