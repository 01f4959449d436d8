import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AGENDA_ADDRESS_MAX,
  AGENDA_CAPACITY_MAX,
  AGENDA_CHOICES_MAX,
  AGENDA_DESCRIPTION_MAX,
  AGENDA_EVENT_FORMATS,
  AGENDA_QUESTION_KINDS,
  AGENDA_QUESTION_LABEL_MAX,
  AGENDA_QUESTIONS_MAX,
  AGENDA_RECURRENCE_COUNT_MAX,
  AGENDA_RECURRENCE_FREQUENCIES,
  AGENDA_SHARED_NETWORKS_MAX,
  AGENDA_TITLE_MAX,
  AGENDA_URL_MAX,
  NETWORK_TYPES,
  type AgendaCheckInInput,
  type AgendaCodeCheckInInput,
  type AgendaEventFormat,
  type AgendaEventInput,
  type AgendaQuestionInput,
  type AgendaQuestionKind,
  type AgendaRecurrenceFrequency,
  type AgendaRegistrationInput,
  type AgendaSettings,
  type NetworkType,
} from '@maillage/contracts';
import { Trim, TrimToNull } from '../../../core/http/transforms';
import { SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);
/** A date-time; parsed (and checked for impossible dates) by the service, see parseAgendaTime. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const IsDateTime = () => Matches(DATE_TIME, { message: '$property must be an ISO 8601 date-time' });

export class AgendaQuestionDto implements AgendaQuestionInput {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9]{1,16}$/)
  id?: string;

  @IsIn(AGENDA_QUESTION_KINDS)
  kind: AgendaQuestionKind;

  @Trim()
  @IsString()
  @Length(1, AGENDA_QUESTION_LABEL_MAX)
  @SingleLine()
  label: string;

  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AGENDA_CHOICES_MAX)
  @IsString({ each: true })
  @Length(1, AGENDA_QUESTION_LABEL_MAX, { each: true })
  @SingleLine()
  choices?: string[];
}

export class AgendaRecurrenceDto {
  @IsIn(AGENDA_RECURRENCE_FREQUENCIES)
  frequency: AgendaRecurrenceFrequency;

  @IsInt()
  @Min(2)
  @Max(AGENDA_RECURRENCE_COUNT_MAX)
  count: number;
}

export class CreateAgendaEventDto implements AgendaEventInput {
  @Trim()
  @IsString()
  @Length(1, AGENDA_TITLE_MAX)
  @SingleLine()
  title: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(AGENDA_DESCRIPTION_MAX)
  description?: string | null;

  @IsOptional()
  @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';

  @IsIn(AGENDA_EVENT_FORMATS)
  format: AgendaEventFormat;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(AGENDA_ADDRESS_MAX)
  @SingleLine()
  address?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @Matches(/^(\d{5}|2[AB]\d{3})$/i, { message: 'communeCode must be an INSEE commune code' })
  communeCode?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(AGENDA_URL_MAX)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  onlineUrl?: string | null;

  @IsString()
  @IsDateTime()
  startsAt: string;

  @IsString()
  @IsDateTime()
  endsAt: string;

  @IsOptional()
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(AGENDA_CAPACITY_MAX)
  capacity?: number | null;

  @IsOptional()
  @Nullable()
  @IsString()
  @IsDateTime()
  registrationDeadline?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AGENDA_QUESTIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => AgendaQuestionDto)
  questions?: AgendaQuestionDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AGENDA_SHARED_NETWORKS_MAX)
  @IsUUID(undefined, { each: true })
  sharedNetworkIds?: string[];

  @IsOptional()
  @Nullable()
  @ValidateNested()
  @Type(() => AgendaRecurrenceDto)
  recurrence?: AgendaRecurrenceDto | null;
}

/** PATCH: every field optional, with the same rules (no status: publish and cancel have their own routes; no recurrence). */
export class UpdateAgendaEventDto extends PartialType(OmitType(CreateAgendaEventDto, ['status', 'recurrence'] as const)) {}

export class AgendaRegistrationDto implements AgendaRegistrationInput {
  @IsOptional()
  @IsObject()
  answers?: Record<string, string>;
}

export class AgendaCheckInDto implements AgendaCheckInInput {
  @IsBoolean()
  present: boolean;
}

export class AgendaCodeCheckInDto implements AgendaCodeCheckInInput {
  @IsString()
  @MaxLength(500)
  code: string;
}

export class AgendaSettingsDto implements AgendaSettings {
  @IsBoolean()
  memberProposals: boolean;
}

export class AgendaListQueryDto {
  @IsOptional()
  @IsString()
  @IsDateTime()
  from?: string;

  @IsOptional()
  @IsString()
  @IsDateTime()
  to?: string;

  @IsOptional()
  @IsUUID()
  networkId?: string;

  @IsOptional()
  @IsIn(['mine', 'territory'])
  scope?: 'mine' | 'territory';

  @IsOptional()
  @Matches(/^(\d{2,3}|2[AB])$/i)
  departement?: string;

  @IsOptional()
  @Matches(/^\d{2}$/)
  region?: string;

  @IsOptional()
  @IsIn(NETWORK_TYPES)
  networkType?: NetworkType;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 80)
  @SingleLine()
  theme?: string;
}
