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
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import {
  OPPORTUNITY_AUDIENCES,
  OPPORTUNITY_GROUP_STATUSES,
  type OpportunityGroupStatus,
  OPPORTUNITY_MAX_RADIUS_KM,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  type OpportunityAudience,
  type OpportunityInput,
  type OpportunityStatus,
  type OpportunityType,
} from '@maillage/contracts';
import { findDepartement, findRegion } from '@maillage/referentials';
import { ListQueryDto } from '../../../core/http/query.dto';
import { Trim, TrimList, TrimToNull } from '../../../core/http/transforms';
import { IsCommuneCode, IsNafCode } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null && v !== undefined);
const MAX_BUDGET = 2_000_000_000;

function EachCode(name: string, message: string, test: (s: string) => boolean) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message: `each value ${message}` },
      validator: { validate: (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && test(s)) },
    });
}

/** A calendar date that exists (YYYY-MM-DD). */
function IsCalendarDate() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a date (YYYY-MM-DD)' },
      validator: {
        validate: (v: unknown) => {
          if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
          const d = new Date(`${v}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
        },
      },
    });
}

export class OpportunityTerritoryDto {
  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsCommuneCode()
  communeCode?: string | null;

  @IsOptional()
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(OPPORTUNITY_MAX_RADIUS_KM)
  radiusKm?: number | null;

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(101)
  @EachCode('isDepartement', 'must be a département code', (s) => findDepartement(s) !== null)
  departements?: string[];

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(18)
  @EachCode('isRegion', 'must be a région code', (s) => findRegion(s) !== null)
  regions?: string[];
}

export class OpportunityDto implements OpportunityInput {
  @IsIn(OPPORTUNITY_TYPES)
  type: OpportunityType;

  @Trim()
  @IsString()
  @Length(3, 200)
  title: string;

  @Trim()
  @IsString()
  @Length(1, 20000)
  description: string;

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(10)
  @IsNafCode({ each: true })
  nafCodes?: string[];

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  skills?: string[];

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OpportunityTerritoryDto)
  territory?: OpportunityTerritoryDto;

  @IsCalendarDate()
  deadline: string;

  @IsOptional()
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(MAX_BUDGET)
  budgetMin?: number | null;

  @IsOptional()
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(MAX_BUDGET)
  budgetMax?: number | null;

  @IsIn(OPPORTUNITY_AUDIENCES)
  audience: OpportunityAudience;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  networkIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  invitedCompanyIds?: string[];
}

export class CreateOpportunityDto extends OpportunityDto {
  @IsUUID()
  companyId: string;

  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

export class CloseOpportunityDto {
  @Trim()
  @IsString()
  @Length(3, 2000)
  outcome: string;

  @IsOptional()
  @IsBoolean()
  awarded?: boolean;
}

export class OpportunityListQueryDto extends ListQueryDto {
  @IsOptional()
  @IsIn(OPPORTUNITY_TYPES)
  type?: OpportunityType;

  @IsOptional()
  @IsIn(OPPORTUNITY_STATUSES)
  status?: OpportunityStatus;

  /** The opportunities of one company (its own page). */
  @IsOptional()
  @IsUUID()
  companyId?: string;
}

export class RespondDto {
  @IsUUID()
  companyId: string;

  @Trim()
  @IsString()
  @Length(1, 5000)
  message: string;
}

export class FormGroupDto {
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  companyIds: string[];
}

export class SupporterDto {
  @IsUUID()
  personId: string;
}

export class InvitableQueryDto {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 100)
  q?: string;
}

export class CompanyChoiceDto {
  @IsUUID()
  companyId: string;
}

export class GroupMessageDto {
  @Trim()
  @IsString()
  @Length(1, 5000)
  body: string;
}

export class GroupStatusDto {
  @IsIn(OPPORTUNITY_GROUP_STATUSES)
  status: OpportunityGroupStatus;
}

/** The signed token of a weekly e-mail's unsubscribe link. */
export class DigestTokenDto {
  @IsString()
  @Length(10, 200)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  token: string;
}

export class DigestSettingsDto {
  @IsBoolean()
  weekly: boolean;
}

export class StatsQueryDto {
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class ResponseStatusDto {
  @IsIn(['submitted', 'shortlisted', 'declined', 'winner'])
  status: 'submitted' | 'shortlisted' | 'declined' | 'winner';
}
