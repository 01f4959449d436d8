import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { OpportunityGroupMemberStatus, OpportunityGroupStatus } from '@maillage/contracts';
import { Company } from '../../companies/entities/company.entity';
import { Person } from '../../identity/entities/person.entity';
import { Opportunity } from './opportunity.entity';

/** A mini-grappe: the consortium formed around a joint-bid or R&D opportunity, led by its publisher. */
@Entity('opportunity_groups')
export class OpportunityGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_opportunity_groups_opportunity', { unique: true })
  @Column({ type: 'uuid' })
  opportunityId: string;

  @ManyToOne(() => Opportunity, { onDelete: 'CASCADE' })
  opportunity?: Opportunity;

  @Column({ type: 'uuid' })
  leadCompanyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  leadCompany?: Company;

  @Column({ type: 'varchar', length: 12, default: 'forming' })
  status: OpportunityGroupStatus;

  /** The CCI "intégrateur de PME" the lead chose: an animator or host staff of one of the lead's networks. */
  @Index('ix_opportunity_groups_supporter')
  @Column({ type: 'uuid', nullable: true })
  supporterPersonId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  supporterPerson?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A company invited into a mini-grappe, and whether it accepted. */
@Entity('opportunity_group_members')
export class OpportunityGroupMember {
  @PrimaryColumn({ type: 'uuid' })
  groupId: string;

  @Index('ix_opportunity_group_members_company')
  @PrimaryColumn({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => OpportunityGroup, { onDelete: 'CASCADE' })
  group?: OpportunityGroup;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @Column({ type: 'varchar', length: 10, default: 'invited' })
  status: OpportunityGroupMemberStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The private discussion of a mini-grappe. */
@Entity('opportunity_group_messages')
export class OpportunityGroupMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_opportunity_group_messages_group')
  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => OpportunityGroup, { onDelete: 'CASCADE' })
  group?: OpportunityGroup;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
