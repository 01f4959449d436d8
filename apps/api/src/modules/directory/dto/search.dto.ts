import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
} from 'class-validator';
import {
  NETWORK_MATURITIES,
  NETWORK_TYPES,
  OPPORTUNITY_TYPES,
  SEARCH_DEADLINE_WINDOWS,
  SEARCH_KINDS,
  SEARCH_SORTS,
  type SearchDeadlineWindow,
  type SearchKind,
  type SearchSort,
} from '@maillage/contracts';
import {
  findCommune,
  findDepartement,
  findEpci,
  findHeadcountBand,
  findNaf,
  findRegion,
  NAF_SECTIONS,
  nafDivision,
} from '@maillage/referentials';
import { Trim } from '../../../core/http/transforms';
import { IsCommuneCode, SingleLine } from '../../../core/http/validators';

/** `a,b` or repeated parameters → a trimmed list without empty or duplicate values. */
const CsvList = () =>
  Transform(({ value }) => {
    if (value === undefined) return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
    return [...new Set(parts.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== ''))];
  });

/** A list of at most 20 values, each accepted by `test`. */
function EachCode(name: string, message: string, test: (s: string) => boolean, maxLength = 10) {
  return (object: object, propertyName: string) => {
    CsvList()(object, propertyName);
    IsArray()(object, propertyName);
    ArrayMaxSize(20)(object, propertyName);
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message: `each value ${message}` },
      validator: {
        validate: (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length <= maxLength && test(s)),
      },
    });
  };
}

const isNafFilter = (s: string) =>
  NAF_SECTIONS.some((x) => x.code === s) ||
  (/^\d{2}$/.test(s) && nafDivision(s) !== null) ||
  (/^\d{2}\.\d{2}[A-Z]$/.test(s) && findNaf(s) !== null);

/** `GET /search`: full-text query, facet filters, radius, sort and page. */
export class SearchQueryDto {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @SingleLine()
  q?: string;

  @IsOptional()
  @CsvList()
  @IsArray()
  @ArrayMaxSize(SEARCH_KINDS.length)
  @IsIn(SEARCH_KINDS, { each: true })
  kind?: SearchKind[];

  @IsOptional()
  @EachCode('isNafFilter', 'must be a NAF section (C), division (25) or sub-class (25.62B)', isNafFilter)
  naf?: string[];

  @IsOptional()
  @EachCode('isDepartement', 'must be a département code', (s) => findDepartement(s) !== null)
  departement?: string[];

  @IsOptional()
  @EachCode('isRegion', 'must be a région code', (s) => findRegion(s) !== null)
  region?: string[];

  @IsOptional()
  @EachCode('isEpci', 'must be the SIREN of an EPCI', (s) => /^\d{9}$/.test(s) && findEpci(s) !== null)
  epci?: string[];

  @IsOptional()
  @EachCode('isCommune', 'must be the INSEE code of a current commune', (s) => findCommune(s) !== null)
  commune?: string[];

  @IsOptional()
  @EachCode('isHeadcount', 'must be an INSEE headcount band code', (s) => findHeadcountBand(s) !== null)
  headcount?: string[];

  /** Member of one of these networks (ids of public networks). */
  @IsOptional()
  @EachCode('isNetworkId', 'must be a network id', (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s), 36)
  network?: string[];

  @IsOptional()
  @EachCode('isNetworkType', 'must be a network type', (s) => (NETWORK_TYPES as readonly string[]).includes(s), 40)
  networkType?: string[];

  @IsOptional()
  @EachCode('isMaturity', 'must be a maturity stage', (s) => (NETWORK_MATURITIES as readonly string[]).includes(s), 20)
  maturity?: string[];

  /** Opportunity types. */
  @IsOptional()
  @EachCode('isOpportunityType', 'must be an opportunity type', (s) => (OPPORTUNITY_TYPES as readonly string[]).includes(s), 20)
  opportunityType?: string[];

  /** Opportunities closing in these windows (open: deadline today or later; 7d, 30d: within that many days). */
  @IsOptional()
  @EachCode('isDeadlineWindow', 'must be open, 7d or 30d', (s) => (SEARCH_DEADLINE_WINDOWS as readonly string[]).includes(s), 4)
  deadline?: SearchDeadlineWindow[];

  /** INSEE code of the commune distances are measured from. */
  @IsOptional()
  @Trim()
  @IsCommuneCode()
  near?: string;

  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(1000)
  radiusKm?: number;

  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

/** `GET /search/suggest?q=`: search as you type. */
export class SuggestQueryDto {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  q: string;
}
