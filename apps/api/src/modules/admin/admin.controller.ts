import { Body, Controller, Get, HttpCode, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminUser, OutboxMail, Page } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { ListQueryDto } from '../../core/http/query.dto';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { UpdateUserRoleDto } from './admin.dto';
import { AdminService } from './admin.service';

@ApiTags('admin')
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('mails')
  mails(@CurrentActor() actor: Actor, @Query() query: ListQueryDto): Promise<Page<OutboxMail>> {
    return this.admin.mails(actor, query);
  }

  @Get('mails/:id')
  mail(@CurrentActor() actor: Actor, @UuidParam('id', 'Mail') id: string): Promise<OutboxMail> {
    return this.admin.mail(actor, id);
  }

  @Get('users')
  users(@CurrentActor() actor: Actor, @Query() query: ListQueryDto): Promise<Page<AdminUser>> {
    return this.admin.users(actor, query);
  }

  @Patch('users/:id')
  @HttpCode(204)
  setRole(@CurrentActor() actor: Actor, @UuidParam('id', 'Person') id: string, @Body() dto: UpdateUserRoleDto): Promise<void> {
    return this.admin.setRole(actor, id, dto.platformRole);
  }
}
