import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgreementType, FundingKind, MaturityCriterion, NetworkMaturity, NetworkNeed, PartnerRole } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';
import { Organization } from '../../organizations/entities/organization.entity';
import { decimal } from './steering-plan.entity';

/** A maturity assessment: the stage, the criteria met, who assessed and why. */
@Entity('steering_maturity_assessments')
@Index('ix_steering_maturity_network', ['networkId', 'createdAt'])
export class SteeringMaturityAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'varchar', length: 16 })
  stage: NetworkMaturity;

  @Column({ type: 'varchar', length: 16, nullable: true })
  previousStage: NetworkMaturity | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  criteria: Partial<Record<MaturityCriterion, boolean>>;

  @Column({ type: 'text' })
  comment: string;

  @Column({ type: 'date' })
  assessedOn: string;

  @Column({ type: 'uuid', nullable: true })
  assessorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  assessor?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The network's sheet of the regional schema (one row per network, created at the first save). */
@Entity('steering_network_sheets')
export class SteeringNetworkSheet {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  needs: NetworkNeed[];

  @Column({ type: 'text', nullable: true })
  needsComment: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  partners: { name: string; role: PartnerRole; comment: string | null }[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  governance: { president: string | null; board: string[]; cciElectedReferent: string | null; comment: string | null };

  @Column({ type: 'varchar', length: 24, default: 'none' })
  agreementType: AgreementType;

  @Column({ type: 'date', nullable: true })
  agreementStart: string | null;

  @Column({ type: 'date', nullable: true })
  agreementReview: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: decimal })
  agreementFte: number | null;

  @Column({ type: 'text', nullable: true })
  agreementComment: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  funding: { kind: FundingKind; label: string | null; amount: number | null }[];

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  updatedBy?: Person;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** An organisation's steering settings. */
@Entity('steering_settings')
export class SteeringSettingsRow {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'integer' })
  dormantAfterDays: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
