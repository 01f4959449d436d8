import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';

/** A person's private ICS feed address: the token is stored hashed (SHA-256); regenerating replaces it, deleting revokes it. */
@Entity('agenda_feed_tokens')
export class AgendaFeedToken {
  @PrimaryColumn('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Index('uq_agenda_feed_tokens_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
