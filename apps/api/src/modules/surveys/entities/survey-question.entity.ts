import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveyQuestionKind } from '@maillage/contracts';
import { Survey } from './survey.entity';

/** One question of a survey, in its order; choice questions keep their choices in order. */
@Entity('survey_questions')
@Index('ix_survey_questions_survey', ['surveyId', 'position'])
export class SurveyQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  survey?: Survey;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  kind: SurveyQuestionKind;

  @Column({ type: 'varchar', length: 300 })
  label: string;

  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  choices: string[];
}
