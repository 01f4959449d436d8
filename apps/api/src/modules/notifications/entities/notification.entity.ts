import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationType } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';

/** How a notification is e-mailed: not at all, at once (done when written), or in the next daily digest. */
export type NotificationEmail = 'none' | 'immediate' | 'digest';

/** One entry of a person's notification centre (and the e-mail state of that entry). */
@Entity('notifications')
@Index('ix_notifications_recipient', ['recipientId', 'createdAt'])
@Index('uq_notifications_dedupe', ['recipientId', 'dedupeKey'], { unique: true, where: '"read_at" IS NULL AND "dedupe_key" IS NOT NULL' })
@Index('ix_notifications_digest', ['recipientId'], { where: `"email" = 'digest' AND "emailed_at" IS NULL` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  recipient?: Person;

  @Column({ type: 'varchar', length: 64 })
  type: NotificationType;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  actor?: Person;

  @Column({ type: 'varchar', length: 32 })
  subjectKind: string;

  @Column({ type: 'varchar', length: 64 })
  subjectId: string;

  /** The network the subject belongs to, when any (no foreign key: the producing module owns that link). */
  @Column({ type: 'uuid', nullable: true })
  networkId: string | null;

  /** Small rendering data (titles, names, excerpt) set by the producing module. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** The web app's path to open. */
  @Column({ type: 'varchar', length: 500 })
  path: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  /** Events folded into this entry while unread (dedupeKey). */
  @Column({ type: 'integer', default: 1 })
  count: number;

  @Column({ type: 'varchar', length: 16, default: 'none' })
  email: NotificationEmail;

  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
