import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One action of a platform admin on accounts and personal data (suspension, deletion, export, retention). */
@Entity('admin_audit_entries')
@Index('ix_admin_audit_entries_created', ['createdAt'])
export class AdminAuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Kept when the admin is later erased: the row then shows an anonymous actor. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Column({ type: 'uuid', nullable: true })
  targetPersonId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
