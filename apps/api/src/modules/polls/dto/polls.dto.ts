import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
} from 'class-validator';
import {
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_QUESTION_MAX,
  POLL_RESULTS_VISIBILITIES,
  type CreatePollRequest,
  type PollResultsVisibility,
  type PollVoteRequest,
} from '@maillage/contracts';
import { SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);

export class CreatePollDto implements CreatePollRequest {
  @IsString()
  @Length(1, POLL_QUESTION_MAX)
  @SingleLine()
  question: string;

  @IsBoolean()
  multiple: boolean;

  @IsArray()
  @ArrayMinSize(POLL_OPTIONS_MIN)
  @ArrayMaxSize(POLL_OPTIONS_MAX)
  @IsString({ each: true })
  @Length(1, POLL_OPTION_MAX, { each: true })
  @SingleLine()
  options: string[];

  @IsOptional()
  @Nullable()
  @IsDateString({ strict: true })
  closesAt?: string | null;

  @IsIn(POLL_RESULTS_VISIBILITIES)
  resultsVisibility: PollResultsVisibility;
}

export class PollVoteDto implements PollVoteRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(POLL_OPTIONS_MAX)
  @IsUUID('all', { each: true })
  optionIds: string[];
}
