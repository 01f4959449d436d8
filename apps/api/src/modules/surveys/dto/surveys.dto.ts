import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  SURVEY_ANSWER_PER,
  SURVEY_CHOICE_MAX,
  SURVEY_CHOICES_MAX,
  SURVEY_INTRO_MAX,
  SURVEY_LABEL_MAX,
  SURVEY_QUESTION_KINDS,
  SURVEY_QUESTIONS_MAX,
  SURVEY_REMINDER_DAYS_MAX,
  SURVEY_REMINDERS_MAX,
  SURVEY_TITLE_MAX,
  type SurveyAnswerPer,
  type SurveyAnswerValue,
  type SurveyQuestionKind,
} from '@maillage/contracts';
import { SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);

export class SurveyQuestionDto {
  @IsIn(SURVEY_QUESTION_KINDS)
  kind: SurveyQuestionKind;

  @IsString()
  @Length(1, SURVEY_LABEL_MAX)
  @SingleLine()
  label: string;

  @IsBoolean()
  required: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SURVEY_CHOICES_MAX)
  @IsString({ each: true })
  @Length(1, SURVEY_CHOICE_MAX, { each: true })
  @SingleLine()
  choices?: string[];
}

export class SurveyAudienceDto {
  @IsIn(['networks', 'territory'])
  kind: 'networks' | 'territory';

  @ValidateIf((o: SurveyAudienceDto) => o.kind === 'networks')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  networkIds?: string[];

  @ValidateIf((o: SurveyAudienceDto) => o.kind === 'territory')
  @IsUUID()
  organizationId?: string;

  @ValidateIf((o: SurveyAudienceDto) => o.kind === 'territory')
  @IsArray()
  @ArrayMaxSize(120)
  @IsString({ each: true })
  @Matches(/^(\d{2,3}|2[AB])$/, { each: true })
  departements?: string[];

  @ValidateIf((o: SurveyAudienceDto) => o.kind === 'territory')
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(/^[0-9AB]{5}$/, { each: true })
  communes?: string[];
}

export class SurveyDraftDto {
  @IsString()
  @Length(1, SURVEY_TITLE_MAX)
  @SingleLine()
  title: string;

  @IsOptional()
  @Nullable()
  @IsString()
  @Length(0, SURVEY_INTRO_MAX)
  intro?: string | null;

  @IsOptional()
  @Nullable()
  @IsDateString({ strict: true })
  closesAt?: string | null;

  @IsIn(SURVEY_ANSWER_PER)
  answerPer: SurveyAnswerPer;

  @ValidateNested()
  @Type(() => SurveyAudienceDto)
  audience: SurveyAudienceDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SURVEY_QUESTIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions: SurveyQuestionDto[];

  @IsOptional()
  @IsBoolean()
  resultsShared?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SURVEY_REMINDERS_MAX)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(SURVEY_REMINDER_DAYS_MAX, { each: true })
  reminderDays?: number[];
}

export class SurveySharingDto {
  @IsBoolean()
  resultsShared: boolean;
}

export class SurveyAnswerDto {
  @IsOptional()
  @Nullable()
  @IsUUID()
  companyId?: string | null;

  /** Checked question by question by the service (each question's type). */
  @IsObject()
  answers: Record<string, SurveyAnswerValue>;
}
