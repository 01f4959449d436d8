import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';
import { DocumentFolder } from './document-folder.entity';

/** A document of a network's library: its title and description, and its versions (the last one is current). */
@Entity('documents')
@Index('ix_documents_folder', ['networkId', 'folderId'])
export class LibraryDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'uuid', nullable: true })
  folderId: string | null;

  @ManyToOne(() => DocumentFolder, { onDelete: 'CASCADE' })
  folder?: DocumentFolder;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The number of the current (last) version. */
  @Column({ type: 'integer', default: 0 })
  currentVersion: number;

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
