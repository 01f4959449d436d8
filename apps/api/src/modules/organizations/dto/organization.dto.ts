import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  ORGANIZATION_KINDS,
  STAFF_ROLES,
  type AddStaffRequest,
  type OrganizationInput,
  type OrganizationKind,
  type StaffRole,
} from '@maillage/contracts';
import { Trim, TrimToNull } from '../../../core/http/transforms';
import { IsCommuneCode, SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);

export class OrganizationDto implements OrganizationInput {
  @Trim()
  @IsString()
  @Length(2, 200)
  @SingleLine()
  name: string;

  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @IsOptional()
  @Nullable()
  @IsUUID()
  parentId?: string | null;

  @IsOptional()
  @Nullable()
  @IsCommuneCode()
  communeCode?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Nullable()
  @IsString()
  @Matches(/^#[0-9a-f]{6}$/, { message: 'must be a colour written #rrggbb' })
  accentColor?: string | null;
}

export class AddStaffDto implements AddStaffRequest {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @IsIn(STAFF_ROLES)
  role: StaffRole;
}
