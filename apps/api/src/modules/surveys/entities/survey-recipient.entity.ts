import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Company } from '../../companies/entities/company.entity';
import { Person } from '../../identity/entities/person.entity';
import { Survey } from './survey.entity';

/** A person asked by a survey, for one of their companies in the audience (frozen when it is sent). */
@Entity('survey_recipients')
@Index('ix_survey_recipients_person', ['personId'])
export class SurveyRecipient {
  @PrimaryColumn({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  survey?: Survey;

  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @PrimaryColumn({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  company?: Company;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}
