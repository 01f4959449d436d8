import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MembershipRole, MembershipStatus } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Membership } from './membership.entity';

/** The history of a membership: who changed what, when. */
@Entity('network_membership_events')
export class MembershipEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_network_membership_events_membership')
  @Column({ type: 'uuid' })
  membershipId: string;

  @ManyToOne(() => Membership, { onDelete: 'CASCADE' })
  membership?: Membership;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  actor?: Person;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: MembershipStatus | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: MembershipStatus | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromRole: MembershipRole | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toRole: MembershipRole | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
