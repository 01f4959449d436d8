import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SecuritySettingsView } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { SecuritySettingsDto } from './dto/two-factor.dto';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { TwoFactorService } from './two-factor.service';

/** Administration → sign-in security (platform admins only). */
@ApiTags('admin')
@Controller('admin/security')
export class SecuritySettingsController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Get()
  get(@CurrentActor() actor: Actor): Promise<SecuritySettingsView> {
    return this.twoFactor.settings(actor);
  }

  @Put()
  update(@CurrentActor() actor: Actor, @Body() dto: SecuritySettingsDto): Promise<SecuritySettingsView> {
    return this.twoFactor.updateSettings(actor, dto);
  }
}
