import { Column, CreateDateColumn, Entity, Generated, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { KnownDevice } from './known-device.entity';
import { Person } from './person.entity';

/** A login session; the cookie carries a random token, the table only its SHA-256. */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('ix_sessions_person')
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'integer' })
  generation: number;

  /** The device it was opened from: revoking the device ends its sessions. */
  @Index('ix_sessions_device')
  @Column({ type: 'uuid', nullable: true })
  deviceId: string | null;

  @ManyToOne(() => KnownDevice, { onDelete: 'CASCADE' })
  device?: KnownDevice;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  /** The id shown in the list of sessions (the token hash never leaves the server). */
  @Index('ux_sessions_public_id', { unique: true })
  @Column({ type: 'uuid' })
  @Generated('uuid')
  publicId: string;

  /** Signed in with a password only while two-factor is required of the person: enrolment comes first. */
  @Column({ type: 'boolean', default: false })
  mustEnrolTwoFactor: boolean;
}
