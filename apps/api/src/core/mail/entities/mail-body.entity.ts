import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The body of a mail sent to many people, stored once; each outbox row fills in its placeholders (`vars`). */
@Entity('mail_bodies')
export class MailBody {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mail_bodies' })
  id: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  text: string;

  /** Headers common to every mail of the body (placeholders allowed in their values), or null. */
  @Column({ type: 'jsonb', nullable: true })
  headers: Record<string, string> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
