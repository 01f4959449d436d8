import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ActionPlanHistoryKind, ActionPlanStatus, ActionStatus, IndicatorSource } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';

/** Numeric columns come back as strings from `pg`: read them as numbers. */
export const decimal = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A network's action plan for one calendar year. */
@Entity('steering_plans')
@Index('uq_steering_plans_year', ['networkId', 'year'], { unique: true })
export class SteeringPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ActionPlanStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('steering_objectives')
@Index('ix_steering_objectives_plan', ['planId', 'position'])
export class SteeringObjective {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => SteeringPlan, { onDelete: 'CASCADE' })
  plan?: SteeringPlan;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;
}

@Entity('steering_actions')
@Index('ix_steering_actions_plan', ['planId'])
export class SteeringAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => SteeringPlan, { onDelete: 'CASCADE' })
  plan?: SteeringPlan;

  @Column({ type: 'uuid', nullable: true })
  objectiveId: string | null;

  @ManyToOne(() => SteeringObjective, { onDelete: 'SET NULL' })
  objective?: SteeringObjective;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  owner: string | null;

  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: decimal })
  budgetPlanned: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: decimal })
  budgetSpent: number | null;

  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status: ActionStatus;

  /** Events of the network (agenda), by id; dropped from the answer once the event is gone. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  eventIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('steering_indicators')
@Index('ix_steering_indicators_plan', ['planId'])
export class SteeringIndicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => SteeringPlan, { onDelete: 'CASCADE' })
  plan?: SteeringPlan;

  @Column({ type: 'uuid', nullable: true })
  objectiveId: string | null;

  @ManyToOne(() => SteeringObjective, { onDelete: 'SET NULL' })
  objective?: SteeringObjective;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  unit: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: decimal })
  target: number | null;

  @Column({ type: 'varchar', length: 24 })
  source: IndicatorSource;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('steering_indicator_entries')
@Index('ix_steering_indicator_entries_indicator', ['indicatorId', 'date'])
export class SteeringIndicatorEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => SteeringIndicator, { onDelete: 'CASCADE' })
  indicator?: SteeringIndicator;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: decimal })
  value: number;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  author?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Every change of a plan, kept with the values before and after. */
@Entity('steering_plan_history')
@Index('ix_steering_plan_history_plan', ['planId', 'createdAt'])
export class SteeringPlanHistory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => SteeringPlan, { onDelete: 'CASCADE' })
  plan?: SteeringPlan;

  @Column({ type: 'varchar', length: 32 })
  kind: ActionPlanHistoryKind;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, { from: unknown; to: unknown }> | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  actor?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
