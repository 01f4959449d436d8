import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MembershipRole, MembershipStatus } from '@maillage/contracts';
import { Company } from '../../companies/entities/company.entity';
import { Network } from './network.entity';

/** A company in a network; its people follow. One row per (network, company), its changes in the history. */
@Entity('network_memberships')
@Index('uq_network_memberships', ['networkId', 'companyId'], { unique: true })
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @Index('ix_network_memberships_company')
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @Column({ type: 'varchar', length: 16 })
  role: MembershipRole;

  @Column({ type: 'varchar', length: 16 })
  status: MembershipStatus;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
