import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Opportunity } from './opportunity.entity';

/** A file attached to an opportunity (specifications), to a response (its `responseId`) or in a mini-grappe's folder (its `groupId`). */
@Entity('opportunity_attachments')
export class OpportunityAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_opportunity_attachments_opportunity')
  @Column({ type: 'uuid' })
  opportunityId: string;

  @ManyToOne(() => Opportunity, { onDelete: 'CASCADE' })
  opportunity?: Opportunity;

  @Column({ type: 'uuid', nullable: true })
  responseId: string | null;

  /** A document of the mini-grappe's private folder: seen by the group's companies only. */
  @Column({ type: 'uuid', nullable: true })
  groupId: string | null;

  @Column({ type: 'uuid' })
  fileId: string;

  @Column({ type: 'uuid', nullable: true })
  uploaderId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
