import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Index changes to push, written in the same transaction as the data change (DESIGN §6). The relay
 * claims due rows (FOR UPDATE SKIP LOCKED), re-reads the current data and pushes it.
 */
@Entity('search_outbox')
@Index('ix_search_outbox_due', ['priority', 'dueAt'])
export class SearchOutboxRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'uuid' })
  entityId: string;

  /** 0: deletions and visibility changes (pushed first), 1: ordinary updates. */
  @Column({ type: 'smallint', default: 1 })
  priority: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  dueAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
