import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsFQDN, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import type { SsoProviderRequest } from '@maillage/contracts';
import { SingleLine } from '../../../core/http/validators';

const lowerAll = () =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value));

export class SsoProviderDto implements SsoProviderRequest {
  /** https, or http on the loopback interface only (a provider run on the same machine, e.g. in tests). */
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  @SingleLine()
  issuer: string;

  @IsString()
  @Length(1, 200)
  @SingleLine()
  clientId: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  @SingleLine()
  clientSecret?: string;

  @lowerAll()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsFQDN({ require_tld: true }, { each: true, message: 'each must be a domain name (e.g. cci-exemple.fr)' })
  allowedDomains: string[];

  @IsBoolean()
  enabled: boolean;
}
