import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsISO8601, IsOptional, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { AcceptNetworkInvitationRequest, NetworkEmailInvitationRequest, NetworkInvitationLinkRequest } from '@maillage/contracts';
import { TokenDto } from '../../identity/dto/auth.dto';

const Nullable = () => ValidateIf((_, v) => v !== null);

export class NetworkEmailInvitationDto implements NetworkEmailInvitationRequest {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({ allow_utf8_local_part: false }, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email: string;
}

export class NetworkInvitationLinkDto implements NetworkInvitationLinkRequest {
  /** Checked to be in the future (and within a year) by the service. */
  @IsOptional()
  @Nullable()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be an ISO 8601 date-time' })
  expiresAt?: string | null;

  @IsOptional()
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(10000)
  maxUses?: number | null;
}

/** The invitation's token and the company that joins with it. */
export class AcceptNetworkInvitationDto extends TokenDto implements AcceptNetworkInvitationRequest {
  @IsUUID()
  companyId: string;
}
