import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveyAnswerValue } from '@maillage/contracts';
import { Company } from '../../companies/entities/company.entity';
import { Person } from '../../identity/entities/person.entity';
import { Survey } from './survey.entity';

/**
 * One submitted answer sheet. `respondentKey` is `company:<id>` or `person:<id>` by the survey's mode: its
 * uniqueness is what makes a second answer of the same company (or person) fail, even when two arrive at once.
 */
@Entity('survey_responses')
@Index('ux_survey_responses_respondent', ['surveyId', 'respondentKey'], { unique: true })
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  survey?: Survey;

  @Column({ type: 'varchar', length: 48 })
  respondentKey: string;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  person?: Person;

  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  @ManyToOne(() => Company, { onDelete: 'SET NULL' })
  company?: Company;

  /** By question id. */
  @Column({ type: 'jsonb' })
  answers: Record<string, SurveyAnswerValue>;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;
}
