import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale, PlatformRole, TitleForm } from '@maillage/contracts';

/** A person: an account (e-mail, password) and a profile (name, skills, expert flag). */
@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('uq_people_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'user' })
  platformRole: PlatformRole;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale: Locale;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 150, nullable: true })
  jobTitle: string | null;

  /** How role titles are written for this person (« animatrice », « animateur »); null shows both forms. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  titleForm: TitleForm | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'uuid', nullable: true })
  photoFileId: string | null;

  @Column({ type: 'boolean', default: false })
  isExpert: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertiseDomains: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  areasServed: string[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  /** Set by a platform admin: the person cannot sign in and their sessions are refused. */
  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt: Date | null;

  /** The account was deleted: the row stays, anonymised ("Ancien membre"), for what they wrote in shared spaces. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** Bumped by "log out everywhere" and password changes: older sessions die. */
  @Column({ type: 'integer', default: 0 })
  sessionGeneration: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
