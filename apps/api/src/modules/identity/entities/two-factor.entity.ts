import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Person } from './person.entity';

/**
 * A person's TOTP secret (encrypted at rest); unconfirmed until the first code proves the app holds it.
 * `lastStep` is the last time step accepted: a code of that step or an earlier one is a replay.
 */
@Entity('two_factor_credentials')
export class TwoFactorCredential {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'varchar', length: 300 })
  secretEncrypted: string;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'bigint', default: 0 })
  lastStep: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Single-use recovery codes, stored hashed; regenerating replaces them all. */
@Entity('two_factor_recovery_codes')
export class TwoFactorRecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_two_factor_recovery_codes_person')
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The platform's sign-in settings: one row (id 1). */
@Entity('security_settings')
export class SecuritySettings {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** Platform admins and host-organisation staff must use two-factor sign-in. */
  @Column({ type: 'boolean', default: false })
  requireTwoFactorForStaff: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
