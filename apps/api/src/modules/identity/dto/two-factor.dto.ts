import { IsBoolean, IsString, Length } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  type DisableTwoFactorRequest,
  type SecuritySettingsView,
  type TwoFactorCodeRequest,
} from '@maillage/contracts';
import { SingleLine } from '../../../core/http/validators';

export class TwoFactorCodeDto implements TwoFactorCodeRequest {
  /** Six digits from the app, or a recovery code ("abcde-fghij"). */
  @IsString()
  @Length(6, 20)
  @SingleLine()
  code: string;
}

export class DisableTwoFactorDto extends TwoFactorCodeDto implements DisableTwoFactorRequest {
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;
}

export class SecuritySettingsDto implements SecuritySettingsView {
  @IsBoolean()
  requireTwoFactorForStaff: boolean;
}
