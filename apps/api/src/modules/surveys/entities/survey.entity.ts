import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SurveyAnswerPer, SurveyStatus } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Organization } from '../../organizations/entities/organization.entity';

/** A questionnaire: drafted, then sent to its audience (frozen in survey_recipients), open until closed. */
@Entity('surveys')
@Index('ix_surveys_author', ['authorId'])
export class Survey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  intro: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: SurveyStatus;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ type: 'varchar', length: 8 })
  answerPer: SurveyAnswerPer;

  /** `networks` (survey_networks) or `territory` (the organisation's départements and communes below). */
  @Column({ type: 'varchar', length: 16 })
  audienceKind: 'networks' | 'territory';

  /** Territory surveys: the organisation whose staff send it (they own its answers with the author). */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  departementCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  communeCodes: string[];

  @Column({ type: 'boolean', default: false })
  resultsShared: boolean;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  author?: Person;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastRemindedAt: Date | null;

  /** Scheduled reminders: days before `closesAt`. */
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  reminderDays: number[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
