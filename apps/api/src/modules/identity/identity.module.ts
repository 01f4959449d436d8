import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AuthThrottle } from './entities/auth-throttle.entity';
import { AuthToken } from './entities/auth-token.entity';
import { Person } from './entities/person.entity';
import { Session } from './entities/session.entity';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { ThrottleService } from './throttle.service';

@Module({
  imports: [TypeOrmModule.forFeature([Person, Session, AuthToken, AuthThrottle])],
  controllers: [AuthController],
  providers: [AuthService, PasswordService, SessionService, ThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordService, SessionService],
})
export class IdentityModule {}
