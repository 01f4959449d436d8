import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OpportunityAudience, OpportunityStatus, OpportunityType } from '@maillage/contracts';
import { Company } from '../../companies/entities/company.entity';

/** A call for tender, subcontracting request, partnership, pooling or shared-employment offer published by a company. */
@Entity('opportunities')
// GIN indexes on naf_codes and skills (matching), created by hand in the migration.
@Index('ix_opportunities_naf_codes', { synchronize: false })
@Index('ix_opportunities_skills', { synchronize: false })
export class Opportunity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_opportunities_company')
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: OpportunityType;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 6, array: true, default: () => "'{}'" })
  nafCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];

  @Column({ type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  @Column({ type: 'integer', nullable: true })
  radiusKm: number | null;

  @Column({ type: 'varchar', length: 3, array: true, default: () => "'{}'" })
  departementCodes: string[];

  @Column({ type: 'varchar', length: 3, array: true, default: () => "'{}'" })
  regionCodes: string[];

  /** The commune's centre (distance to candidates). */
  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'integer', nullable: true })
  budgetMin: number | null;

  @Column({ type: 'integer', nullable: true })
  budgetMax: number | null;

  @Column({ type: 'varchar', length: 10 })
  audience: OpportunityAudience;

  @Index('ix_opportunities_status')
  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: OpportunityStatus;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** When its responders were reminded of the deadline (once). */
  @Column({ type: 'timestamptz', nullable: true })
  deadlineRemindedAt: Date | null;

  /** Hidden by moderation: only its company and platform admins still see it. */
  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
