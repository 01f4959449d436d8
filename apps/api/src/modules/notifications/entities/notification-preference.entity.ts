import { Column, Entity, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NotificationChannel, NotificationType } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';

/** A person's choice for one type of notification (absent: the type's default, see notifications.registry.ts). */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  type: NotificationType;

  @Column({ type: 'varchar', length: 16 })
  channel: NotificationChannel;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
