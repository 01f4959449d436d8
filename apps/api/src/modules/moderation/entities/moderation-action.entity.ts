import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';

/** The moderation audit log of a network: every hide, restore, dismissal, warning, ban… */
@Entity('moderation_actions')
@Index('ix_moderation_actions_network', ['networkId', 'createdAt'])
export class ModerationAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  actor?: Person;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  targetKind: string;

  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
