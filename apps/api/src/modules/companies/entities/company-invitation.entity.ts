import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CompanyRole } from '@maillage/contracts';
import { Company } from './company.entity';
import { Person } from '../../identity/entities/person.entity';

/** An invitation sent by e-mail to join a company; the link carries a token whose hash is stored. */
@Entity('company_invitations')
export class CompanyInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_company_invitations_company')
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: CompanyRole;

  @Index('uq_company_invitations_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  invitedBy?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;
}
