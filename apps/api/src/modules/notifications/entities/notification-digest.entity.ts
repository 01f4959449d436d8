import { CreateDateColumn, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';

/** The claim of one person's daily digest (Europe/Paris day): inserted once, so two replicas never send it twice. */
@Entity('notification_digests')
export class NotificationDigest {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
