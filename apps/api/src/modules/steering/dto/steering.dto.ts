import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import {
  ACTION_PLAN_STATUSES,
  ACTION_STATUSES,
  AGREEMENT_TYPES,
  COCKPIT_ALERT_FILTERS,
  COCKPIT_SORTS,
  FUNDING_KINDS,
  INDICATOR_SOURCES,
  MATURITY_CRITERIA_ALL,
  NETWORK_MATURITIES,
  NETWORK_NEEDS,
  NETWORK_TYPES,
  PARTNER_ROLES,
  STEERING_COMMENT_MAX,
  STEERING_DORMANT_DAYS_MAX,
  STEERING_DORMANT_DAYS_MIN,
  STEERING_FTE_MAX,
  STEERING_LIST_MAX,
  STEERING_NUMBER_MAX,
  STEERING_PAGE_SIZE_MAX,
  STEERING_TEXT_MAX,
  STEERING_TITLE_MAX,
  STEERING_UNIT_MAX,
  STEERING_YEAR_MAX,
  STEERING_YEAR_MIN,
  type ActionInput,
  type ActionPlanCopyInput,
  type ActionPlanCreateInput,
  type ActionPlanStatus,
  type ActionPlanUpdateInput,
  type ActionStatus,
  type AgreementType,
  type CockpitAlertFilter,
  type CockpitQuery,
  type CockpitSort,
  type FundingKind,
  type IndicatorEntryInput,
  type IndicatorSource,
  type MaturityAssessmentInput,
  type MaturityCriterion,
  type NetworkMaturity,
  type NetworkNeed,
  type NetworkSheetInput,
  type NetworkType,
  type ObjectiveInput,
  type PartnerRole,
  type PlanIndicatorInput,
  type RegionalQuery,
  type SteeringSettingsInput,
  type SortOrder,
} from '@maillage/contracts';
import { Trim, TrimToNull } from '../../../core/http/transforms';

const Nullable = () => ValidateIf((_, v) => v !== null);

/** `YYYY-MM-DD` naming a real calendar day (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: '$property must be a real date (YYYY-MM-DD)', ...options },
      validator: {
        validate: (v: unknown) => {
          if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
          const d = new Date(`${v}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '1900-01-01' && v <= '2199-12-31';
        },
      },
    });
}
/** A non-negative amount with at most 2 decimals, below STEERING_NUMBER_MAX. */
const Amount =
  (max = STEERING_NUMBER_MAX) =>
  (object: object, propertyName: string) => {
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })(object, propertyName);
    Min(0)(object, propertyName);
    Max(max)(object, propertyName);
  };

// ---------- queries ----------

export class CockpitQueryDto implements CockpitQuery {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsIn(NETWORK_TYPES)
  type?: NetworkType;

  @IsOptional()
  @IsIn(NETWORK_MATURITIES)
  maturity?: NetworkMaturity;

  @IsOptional()
  @Matches(/^(\d{2}|2A|2B|97\d)$/, { message: 'departement must be a département code' })
  departement?: string;

  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'region must be a région code' })
  region?: string;

  @IsOptional()
  @IsUUID()
  animatorId?: string;

  @IsOptional()
  @IsIn(COCKPIT_ALERT_FILTERS)
  alert?: CockpitAlertFilter;

  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @IsOptional()
  @IsIn(COCKPIT_SORTS)
  sort?: CockpitSort;

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: SortOrder;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(STEERING_PAGE_SIZE_MAX)
  pageSize?: number;
}

export class RegionalQueryDto implements RegionalQuery {
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @IsOptional()
  @Matches(/^(\d{2}|2A|2B|97\d)$/, { message: 'departement must be a département code' })
  departement?: string;

  @IsOptional()
  @IsIn(NETWORK_TYPES)
  type?: NetworkType;

  @IsOptional()
  @IsIn(NETWORK_MATURITIES)
  maturity?: NetworkMaturity;
}

// ---------- plans ----------

export class CreatePlanDto implements ActionPlanCreateInput {
  @IsInt()
  @Min(STEERING_YEAR_MIN)
  @Max(STEERING_YEAR_MAX)
  year: number;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  title?: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TEXT_MAX)
  summary?: string | null;

  @IsOptional()
  @IsIn(ACTION_PLAN_STATUSES)
  status?: ActionPlanStatus;
}

export class UpdatePlanDto implements ActionPlanUpdateInput {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  title?: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TEXT_MAX)
  summary?: string | null;

  @IsOptional()
  @IsIn(ACTION_PLAN_STATUSES)
  status?: ActionPlanStatus;
}

export class CopyPlanDto implements ActionPlanCopyInput {
  @IsOptional()
  @IsInt()
  @Min(STEERING_YEAR_MIN)
  @Max(STEERING_YEAR_MAX)
  year?: number;
}

export class ObjectiveDto implements ObjectiveInput {
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  title: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TEXT_MAX)
  description?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

export class UpdateObjectiveDto implements Partial<ObjectiveInput> {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  title?: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TEXT_MAX)
  description?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

export class UpdateActionDto implements Partial<ActionInput> {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  title?: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TEXT_MAX)
  description?: string | null;

  @IsOptional()
  @Nullable()
  @IsUUID()
  objectiveId?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TITLE_MAX)
  owner?: string | null;

  @IsOptional()
  @Nullable()
  @IsCalendarDate()
  startDate?: string | null;

  @IsOptional()
  @Nullable()
  @IsCalendarDate()
  dueDate?: string | null;

  @IsOptional()
  @Nullable()
  @Amount()
  budgetPlanned?: number | null;

  @IsOptional()
  @Nullable()
  @Amount()
  budgetSpent?: number | null;

  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STEERING_LIST_MAX)
  @IsUUID(undefined, { each: true })
  eventIds?: string[];
}

export class ActionDto extends UpdateActionDto implements ActionInput {
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  declare title: string;
}

export class UpdateIndicatorDto implements Partial<Omit<PlanIndicatorInput, 'source'>> {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  label?: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_UNIT_MAX)
  unit?: string | null;

  @IsOptional()
  @Nullable()
  @Amount()
  target?: number | null;

  @IsOptional()
  @Nullable()
  @IsUUID()
  objectiveId?: string | null;
}

export class IndicatorDto extends UpdateIndicatorDto implements PlanIndicatorInput {
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  declare label: string;

  @IsIn(INDICATOR_SOURCES)
  source: IndicatorSource;
}

export class EntryDto implements IndicatorEntryInput {
  @Amount()
  value: number;

  @IsCalendarDate()
  date: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_COMMENT_MAX)
  comment?: string | null;
}

// ---------- maturity, sheet, settings ----------

/** Criteria: an object whose keys are known criteria and values booleans. */
function IsCriteria(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCriteria',
      target: object.constructor,
      propertyName,
      options: { message: `$property must map criteria (${MATURITY_CRITERIA_ALL.join(', ')}) to true or false`, ...options },
      validator: {
        validate: (v: unknown) =>
          !!v &&
          typeof v === 'object' &&
          !Array.isArray(v) &&
          Object.entries(v).every(([k, b]) => (MATURITY_CRITERIA_ALL as readonly string[]).includes(k) && typeof b === 'boolean'),
      },
    });
}

export class MaturityDto implements MaturityAssessmentInput {
  @IsIn(NETWORK_MATURITIES)
  stage: NetworkMaturity;

  @IsObject()
  @IsCriteria()
  criteria: Partial<Record<MaturityCriterion, boolean>>;

  @Trim()
  @IsString()
  @Length(1, STEERING_COMMENT_MAX)
  comment: string;

  @IsOptional()
  @IsCalendarDate()
  assessedOn?: string;
}

export class PartnerDto {
  @Trim()
  @IsString()
  @Length(1, STEERING_TITLE_MAX)
  name: string;

  @IsIn(PARTNER_ROLES)
  role: PartnerRole;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_COMMENT_MAX)
  comment?: string | null;
}

export class GovernanceDto {
  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TITLE_MAX)
  president?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STEERING_LIST_MAX)
  @IsString({ each: true })
  @Length(1, STEERING_TITLE_MAX, { each: true })
  board?: string[];

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TITLE_MAX)
  cciElectedReferent?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_COMMENT_MAX)
  comment?: string | null;
}

export class AgreementDto {
  @IsIn(AGREEMENT_TYPES)
  type: AgreementType;

  @IsOptional()
  @Nullable()
  @IsCalendarDate()
  startDate?: string | null;

  @IsOptional()
  @Nullable()
  @IsCalendarDate()
  reviewDate?: string | null;

  @IsOptional()
  @Nullable()
  @Amount(STEERING_FTE_MAX)
  fte?: number | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_COMMENT_MAX)
  comment?: string | null;
}

export class FundingDto {
  @IsIn(FUNDING_KINDS)
  kind: FundingKind;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TITLE_MAX)
  label?: string | null;

  @IsOptional()
  @Nullable()
  @Amount()
  amount?: number | null;
}

export class SheetDto implements NetworkSheetInput {
  @IsArray()
  @ArrayMaxSize(NETWORK_NEEDS.length)
  @IsIn(NETWORK_NEEDS, { each: true })
  needs: NetworkNeed[];

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(STEERING_TEXT_MAX)
  needsComment?: string | null;

  @IsArray()
  @ArrayMaxSize(STEERING_LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners: PartnerDto[];

  @IsObject()
  @ValidateNested()
  @Type(() => GovernanceDto)
  governance: GovernanceDto;

  @IsObject()
  @ValidateNested()
  @Type(() => AgreementDto)
  agreement: AgreementDto;

  @IsArray()
  @ArrayMaxSize(STEERING_LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => FundingDto)
  funding: FundingDto[];
}

export class SettingsDto implements SteeringSettingsInput {
  @IsInt()
  @Min(STEERING_DORMANT_DAYS_MIN)
  @Max(STEERING_DORMANT_DAYS_MAX)
  dormantAfterDays: number;
}
