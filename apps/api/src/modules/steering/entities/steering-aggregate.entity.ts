import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// The aggregates the refresh job maintains (see steering-refresh.service.ts). Rows of deleted networks are
// removed with them (no foreign key: the job rewrites these tables in bulk; reads join the networks that exist).

/** One network's activity on one day (Europe/Paris); joins and leaves come from the membership spans. */
@Entity('steering_daily')
export class SteeringDaily {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'integer', default: 0 })
  topics: number;

  @Column({ type: 'integer', default: 0 })
  posts: number;

  @Column({ type: 'integer', default: 0 })
  eventsHeld: number;

  @Column({ type: 'integer', default: 0 })
  registrations: number;

  @Column({ type: 'integer', default: 0 })
  checkIns: number;

  @Column({ type: 'integer', default: 0 })
  waitlisted: number;

  @Column({ type: 'integer', default: 0 })
  documentsAdded: number;
}

/** A company of a network was active (one of its people posted, attended, messaged or shared a document) on a day. */
@Entity('steering_company_days')
@Index('ix_steering_company_days_day', ['networkId', 'day'])
export class SteeringCompanyDay {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @PrimaryColumn({ type: 'uuid' })
  companyId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;
}

/** A company's membership spans (from the membership history): joined on, left on (null: still a member). */
@Entity('steering_member_spans')
export class SteeringMemberSpan {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @PrimaryColumn({ type: 'uuid' })
  companyId: string;

  @PrimaryColumn({ type: 'date' })
  joinedOn: string;

  @Column({ type: 'date', nullable: true })
  leftOn: string | null;
}

/** Everything a cockpit line and an indicators page show, computed by the job for one network. */
@Entity('steering_snapshots')
export class SteeringSnapshot {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @Column({ type: 'date' })
  asOf: string;

  /** Current figures (see SnapshotFigures). */
  @Column({ type: 'jsonb' })
  figures: unknown;

  @Column({ type: 'jsonb' })
  series: unknown;

  @Column({ type: 'jsonb' })
  funnel: unknown;

  @Column({ type: 'jsonb' })
  inactive: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;
}

/** The refresh job's single row: claimed with FOR UPDATE SKIP LOCKED so that one replica refreshes at a time. */
@Entity('steering_refresh_state')
export class SteeringRefreshState {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** The last day fully refreshed (null: never). */
  @Column({ type: 'date', nullable: true })
  refreshedDay: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastRunAt: Date | null;
}

/**
 * One cockpit line per network, kept by the refresh job and by the writes that change it (plans, actions, indicators,
 * entries, maturity) in their own transaction: the cockpit filters, sorts and pages these rows in one statement.
 */
@Entity('steering_cockpit_lines')
export class SteeringCockpitLine {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @Column({ type: 'date' })
  asOf: string;

  @Index('ix_steering_cockpit_lines_host')
  @Column({ type: 'uuid' })
  hostOrganizationId: string;

  @Column({ type: 'uuid', nullable: true })
  referentOrganizationId: string | null;

  /** The name in lower case (the name sort) and without accents (the search and the ties). */
  @Column({ type: 'text' })
  nameKey: string;

  @Column({ type: 'text' })
  searchName: string;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ type: 'varchar', length: 16 })
  maturity: string;

  @Column({ type: 'integer' })
  maturityRank: number;

  /** Départements and regions for the filters, those of the network's communes included. */
  @Column({ type: 'text', array: true })
  departements: string[];

  @Column({ type: 'text', array: true })
  regions: string[];

  @Column({ type: 'uuid', array: true })
  animatorIds: string[];

  @Column({ type: 'integer' })
  members: number;

  @Column({ type: 'integer' })
  activeMembers: number;

  @Column({ type: 'integer' })
  growth: number;

  @Column({ type: 'integer' })
  posts: number;

  @Column({ type: 'integer' })
  eventsHeld: number;

  @Column({ type: 'double precision', nullable: true })
  attendance: number | null;

  @Column({ type: 'double precision', nullable: true })
  progress: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  /** Due dates of this year's plan's open actions: the late ones are counted against the day of the request. */
  @Column({ type: 'date', array: true })
  openDueDates: string[];

  /** The line as the cockpit shows it, without the caller's relations and the alerts (computed at read time). */
  @Column({ type: 'jsonb' })
  line: unknown;
}
