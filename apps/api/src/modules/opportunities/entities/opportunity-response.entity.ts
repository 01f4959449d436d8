import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OpportunityResponseStatus } from '@maillage/contracts';
import { Company } from '../../companies/entities/company.entity';
import { Opportunity } from './opportunity.entity';

/** A company's interest in an opportunity: private to the publisher and the responder. */
@Entity('opportunity_responses')
@Index('uq_opportunity_responses_company', ['opportunityId', 'companyId'], { unique: true })
export class OpportunityResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  opportunityId: string;

  @ManyToOne(() => Opportunity, { onDelete: 'CASCADE' })
  opportunity?: Opportunity;

  @Index('ix_opportunity_responses_company')
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'varchar', length: 12, default: 'submitted' })
  status: OpportunityResponseStatus;

  /** The private question thread between the publisher and the responder (a messaging conversation), once opened. */
  @Column({ type: 'uuid', nullable: true })
  threadConversationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
