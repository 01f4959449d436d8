import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';

/** A folder of a network's document library; `parentId` null: at the root. Soft-deleted once empty. */
@Entity('document_folders')
@Index('ix_document_folders_parent', ['networkId', 'parentId'])
export class DocumentFolder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => DocumentFolder, { onDelete: 'CASCADE' })
  parent?: DocumentFolder;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Read and written by the network's managers only (and so is everything below it). */
  @Column({ type: 'boolean', default: false })
  animatorsOnly: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  createdBy?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}
