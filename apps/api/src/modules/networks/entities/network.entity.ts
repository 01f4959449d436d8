import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { NetworkJoinPolicy, NetworkMaturity, NetworkType, NetworkVisibility } from '@maillage/contracts';
import { Organization } from '../../organizations/entities/organization.entity';

/** A business network hosted by an organisation (club, cluster, pole, thematic group…). */
@Entity('networks')
export class Network {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index('uq_networks_slug', { unique: true })
  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Index('ix_networks_type')
  @Column({ type: 'varchar', length: 40 })
  type: NetworkType;

  @Column({ type: 'varchar', length: 16 })
  visibility: NetworkVisibility;

  @Column({ type: 'varchar', length: 16 })
  joinPolicy: NetworkJoinPolicy;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Markdown, stored raw (rendered and sanitised on display). */
  @Column({ type: 'text', nullable: true })
  charter: string | null;

  /** A public image in core/storage (see FilesService.replaceImage). */
  @Column({ type: 'uuid', nullable: true })
  logoFileId: string | null;

  /** A public image in core/storage, across the top of the network's page (null: a drawn default). */
  @Column({ type: 'uuid', nullable: true })
  coverFileId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  communeCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  epciCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  departementCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  regionCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  nafCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  @Column({ type: 'varchar', length: 16 })
  maturity: NetworkMaturity;

  @Index('ix_networks_host')
  @Column({ type: 'uuid' })
  hostOrganizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  hostOrganization?: Organization;

  @Column({ type: 'uuid', nullable: true })
  referentOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL' })
  referentOrganization?: Organization;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
