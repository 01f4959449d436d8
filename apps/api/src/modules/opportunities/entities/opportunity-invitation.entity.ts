import { CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Company } from '../../companies/entities/company.entity';
import { Opportunity } from './opportunity.entity';

/** A company invited to an opportunity whose audience is `invited`. */
@Entity('opportunity_invitations')
export class OpportunityInvitation {
  @PrimaryColumn({ type: 'uuid' })
  opportunityId: string;

  @Index('ix_opportunity_invitations_company')
  @PrimaryColumn({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Opportunity, { onDelete: 'CASCADE' })
  opportunity?: Opportunity;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
