import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';

/**
 * A browser that signed in to an account: its cookie carries a random token (only the hash is
 * stored), replaced at each successful sign-in. A known device is exempt from the account-wide login
 * lockout; revoking it ends that exemption and its sessions.
 */
@Entity('known_devices')
export class KnownDevice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_known_devices_person')
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Index('ux_known_devices_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastUsedAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
