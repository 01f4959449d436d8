import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganizationKind } from '@maillage/contracts';

/** A host organisation (regional or territorial CCI, federation, association). */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_organizations_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: OrganizationKind;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL' })
  parent?: Organization;

  @Column({ type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** '#rrggbb': the colour of the pages of the networks it hosts (null: the colours of each network's type). */
  @Column({ type: 'varchar', length: 7, nullable: true })
  accentColor: string | null;

  /** A public image in core/storage (see FilesService.replaceImage). */
  @Column({ type: 'uuid', nullable: true })
  logoFileId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
