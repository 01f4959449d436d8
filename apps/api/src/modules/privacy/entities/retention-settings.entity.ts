import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The platform's retention periods (one row, id 1): the background purge reads them. */
@Entity('retention_settings')
export class RetentionSettingsRow {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'integer', default: 90 })
  outboxDays: number;

  @Column({ type: 'integer', default: 30 })
  endedSessionsDays: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
