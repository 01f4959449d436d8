import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  LOCALES,
  PASSWORD_MAX_LENGTH,
  type ChangePasswordRequest,
  type ForgotPasswordRequest,
  type Locale,
  type LoginRequest,
  type ResetPasswordRequest,
  type SignupConsentsInput,
  type SignupRequest,
  type TokenRequest,
} from '@maillage/contracts';
import { Trim } from '../../../core/http/transforms';
import { SingleLine } from '../../../core/http/validators';

const lower = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export class EmailDto implements ForgotPasswordRequest {
  @lower()
  @IsEmail({ allow_utf8_local_part: false }, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email: string;
}

export class LoginDto extends EmailDto implements LoginRequest {
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;
}

export class SignupConsentsDto implements SignupConsentsInput {
  @IsInt()
  @Min(1)
  terms: number;

  @IsInt()
  @Min(1)
  privacy: number;
}

export class SignupDto extends EmailDto implements SignupRequest {
  /** Strength is checked by the service (length, common list, guessability). */
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @Trim()
  @IsString()
  @Length(1, 100)
  @SingleLine()
  firstName: string;

  @Trim()
  @IsString()
  @Length(1, 100)
  @SingleLine()
  lastName: string;

  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  /** The legal versions accepted on the form (checked against the current ones by the privacy module). */
  @IsOptional()
  @ValidateNested()
  @Type(() => SignupConsentsDto)
  consents?: SignupConsentsDto;
}

export class TokenDto implements TokenRequest {
  /** Tokens are 32 random bytes in base64url. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'must be a link token' })
  token: string;
}

export class ResetPasswordDto extends TokenDto implements ResetPasswordRequest {
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}
