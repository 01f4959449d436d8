import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A company establishment, identified by its SIRET (SIREN derived). */
@Entity('companies')
// Covers "the nearest companies of these NAF codes" (opportunity matching) with an index-only scan.
@Index('ix_companies_naf_place', ['nafCode', 'lat', 'lng', 'id'])
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_companies_siren')
  @Column({ type: 'char', length: 9 })
  siren: string;

  @Index('uq_companies_siret', { unique: true })
  @Column({ type: 'char', length: 14 })
  siret: string;

  @Column({ type: 'varchar', length: 250 })
  legalName: string;

  @Column({ type: 'varchar', length: 250, nullable: true })
  tradeName: string | null;

  @Index('ix_companies_naf')
  @Column({ type: 'varchar', length: 6, nullable: true })
  nafCode: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  legalFormCode: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  headcountBand: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressLine1: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressLine2: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  postalCode: string | null;

  @Index('ix_companies_commune')
  @Column({ type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  departementCode: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  regionCode: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'uuid', nullable: true })
  logoFileId: string | null;

  /** A public image in core/storage, across the top of the company's page (null: a drawn default). */
  @Column({ type: 'uuid', nullable: true })
  coverFileId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
