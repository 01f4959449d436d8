import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DevicesService } from './devices.service';
import { AuthThrottle } from './entities/auth-throttle.entity';
import { AuthToken } from './entities/auth-token.entity';
import { KnownDevice } from './entities/known-device.entity';
import { Person } from './entities/person.entity';
import { Session } from './entities/session.entity';
import { SecuritySettings, TwoFactorCredential, TwoFactorRecoveryCode } from './entities/two-factor.entity';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { SESSION_RESOLVER } from '../../core/auth/session-resolver';
import { SecretBox } from './secret-box.service';
import { SecuritySettingsController } from './security-settings.controller';
import { ThrottleService } from './throttle.service';
import { IdentityPersonalData } from './identity.personal-data';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Person,
      Session,
      AuthToken,
      AuthThrottle,
      KnownDevice,
      TwoFactorCredential,
      TwoFactorRecoveryCode,
      SecuritySettings,
    ]),
  ],
  controllers: [AuthController, SecuritySettingsController],
  providers: [
    IdentityPersonalData,
    AuthService,
    DevicesService,
    PasswordService,
    SessionService,
    ThrottleService,
    TwoFactorService,
    SecretBox,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: SESSION_RESOLVER, useExisting: SessionService },
  ],
  exports: [AuthService, PasswordService, SessionService, ThrottleService, SecretBox, SESSION_RESOLVER],
})
export class IdentityModule {}
