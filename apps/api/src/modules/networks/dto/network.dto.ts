import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  MEMBERSHIP_ROLES,
  NETWORK_JOIN_POLICIES,
  NETWORK_MATURITIES,
  NETWORK_TYPES,
  NETWORK_VISIBILITIES,
  type MembershipRole,
  type NetworkInput,
  type NetworkJoinPolicy,
  type NetworkMaturity,
  type NetworkTerritory,
  type NetworkType,
  type NetworkVisibility,
} from '@maillage/contracts';
import { ListQueryDto } from '../../../core/http/query.dto';
import { Trim, TrimList, TrimToNull } from '../../../core/http/transforms';
import { IsCommuneCode, IsNafCode, SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);

export class TerritoryDto implements Partial<NetworkTerritory> {
  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(500)
  @IsCommuneCode({ each: true })
  communes?: string[];

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^\d{9}$/, { each: true, message: 'must be SIREN codes of EPCI (9 digits)' })
  epcis?: string[];

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(101)
  @Matches(/^(\d{2}|2A|2B|97[1-6])$/, { each: true, message: 'must be département codes' })
  departements?: string[];

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(18)
  @Matches(/^\d{2}$/, { each: true, message: 'must be région codes' })
  regions?: string[];
}

export class NetworkDto implements NetworkInput {
  @Trim()
  @IsString()
  @Length(2, 200)
  @SingleLine()
  name: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 120)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lowercase letters, digits and dashes' })
  slug?: string;

  @IsIn(NETWORK_TYPES)
  type: NetworkType;

  @IsIn(NETWORK_VISIBILITIES)
  visibility: NetworkVisibility;

  @IsIn(NETWORK_JOIN_POLICIES)
  joinPolicy: NetworkJoinPolicy;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(50000)
  charter?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => TerritoryDto)
  territory?: TerritoryDto;

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(100)
  @IsNafCode({ each: true })
  sectors?: string[];

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  @SingleLine()
  themes?: string[];

  @IsIn(NETWORK_MATURITIES)
  maturity: NetworkMaturity;

  @IsUUID()
  hostOrganizationId: string;

  @IsOptional()
  @Nullable()
  @IsUUID()
  referentOrganizationId?: string | null;
}

export class NetworkListQueryDto extends ListQueryDto {
  @IsOptional()
  @IsIn(NETWORK_TYPES)
  type?: NetworkType;

  @IsOptional()
  @IsIn(NETWORK_VISIBILITIES)
  visibility?: NetworkVisibility;

  @IsOptional()
  @IsIn(NETWORK_MATURITIES)
  maturity?: NetworkMaturity;

  /** Networks whose territory touches this département (its code, its communes or its région). */
  @IsOptional()
  @Matches(/^(\d{2}|2A|2B|97[1-6])$/, { message: 'must be a département code' })
  departement?: string;

  /** Networks whose territory touches this région (its code, its départements or their communes). */
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a région code' })
  region?: string;
}

export class NetworkSlugParamDto {
  @IsString()
  @Length(2, 120)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lowercase letters, digits and dashes' })
  slug: string;
}

export class SetParentsDto {
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  parentIds: string[];
}

export class JoinDto {
  @IsUUID()
  companyId: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  message?: string | null;
}

export class InviteDto {
  @IsUUID()
  companyId: string;
}

export class ChangeRoleDto {
  @IsIn(MEMBERSHIP_ROLES)
  role: MembershipRole;
}

/** `GET /networks/:id/people?q=`: a name, a job title or a company, or its beginning. */
export class NetworkPeopleQueryDto {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
}
