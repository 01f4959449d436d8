import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  COMPANY_ROLES,
  PASSWORD_MAX_LENGTH,
  type CompanyRole,
  type CreateCompanyRequest,
  type InviteColleagueRequest,
  type UpdateCompanyMemberRequest,
  type UpdateCompanyRequest,
} from '@maillage/contracts';
import { normalizeIdentifier } from '@maillage/referentials';
import { Trim, TrimToNull } from '../../../core/http/transforms';
import { IsCommuneCode, IsHeadcountBand, IsLegalForm, IsNafCode, IsSiret, SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: true };

export class CreateCompanyDto implements CreateCompanyRequest {
  @Transform(({ value }) => (typeof value === 'string' ? normalizeIdentifier(value) : value))
  @IsSiret()
  siret: string;

  /** Required when the SIRET is not yet known to the platform. */
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 250)
  @SingleLine()
  legalName?: string;
}

export class UpdateCompanyDto implements UpdateCompanyRequest {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 250)
  @SingleLine()
  legalName?: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @Length(1, 250)
  @SingleLine()
  tradeName?: string | null;

  @IsOptional()
  @Nullable()
  @IsNafCode()
  nafCode?: string | null;

  @IsOptional()
  @Nullable()
  @IsLegalForm()
  legalFormCode?: string | null;

  @IsOptional()
  @Nullable()
  @IsHeadcountBand()
  headcountBandCode?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @Length(1, 200)
  addressLine1?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @Length(1, 200)
  addressLine2?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @Matches(/^\d{5}$/, { message: 'must be 5 digits' })
  postalCode?: string | null;

  @IsOptional()
  @Nullable()
  @IsCommuneCode()
  communeCode?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  @MaxLength(300)
  website?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}

export class InviteColleagueDto implements InviteColleagueRequest {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @IsIn(COMPANY_ROLES)
  role: CompanyRole;
}

export class UpdateCompanyMemberDto implements UpdateCompanyMemberRequest {
  @IsIn(COMPANY_ROLES)
  role: CompanyRole;
}

/** `POST /companies/:id/claims`: an optional word to the company's owners. */
export class CompanyClaimDto {
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(1000)
  message?: string | null;
}

export class LeavePlatformDto {
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;
}
