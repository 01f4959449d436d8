import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OfferKind } from '@maillage/contracts';
import { Company } from '../../companies/entities/company.entity';

/** What a company offers ("je propose") or needs ("je cherche"): tagged by NAF, skills and territory. */
@Entity('company_offers')
// GIN indexes on naf_codes and skills (matching), created by hand in the migration.
@Index('ix_company_offers_naf_codes', { synchronize: false })
@Index('ix_company_offers_skills', { synchronize: false })
export class CompanyOffer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_company_offers_company')
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @Column({ type: 'varchar', length: 8 })
  kind: OfferKind;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 6, array: true, default: () => "'{}'" })
  nafCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];

  /** Territory served or sought: INSEE codes of communes, départements and régions. */
  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  communeCodes: string[];

  @Column({ type: 'varchar', length: 3, array: true, default: () => "'{}'" })
  departementCodes: string[];

  @Column({ type: 'varchar', length: 3, array: true, default: () => "'{}'" })
  regionCodes: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
