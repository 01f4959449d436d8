import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from './person.entity';

export type AuthTokenPurpose = 'verify_email' | 'reset_password' | 'login_two_factor';

/** Single-use e-mail links (verification, password reset); only the hash is stored. */
@Entity('auth_tokens')
export class AuthToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('ix_auth_tokens_person')
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'varchar', length: 32 })
  purpose: AuthTokenPurpose;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
