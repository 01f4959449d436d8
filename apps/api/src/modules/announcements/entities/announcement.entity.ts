import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';

/** An announcement of a network: pinned on its page (until unpinned or `pinnedUntil`), notified once when published. */
@Entity('announcements')
@Index('ix_announcements_network', ['networkId', 'createdAt'])
export class Announcement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'varchar', length: 150 })
  title: string;

  /** Markdown as written. */
  @Column({ type: 'text' })
  body: string;

  /** The body rendered and sanitised once, at each write. */
  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'boolean', default: true })
  pinned: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  pinnedUntil: Date | null;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  author?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
