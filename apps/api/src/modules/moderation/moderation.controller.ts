import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ModerationLogEntry, ModerationQueueItem, ModerationReport, Page } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { CreateReportDto, DecisionDto, ModerationPageQueryDto, WarnDto } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

const NETWORK = 'Network';
const REPORT = 'Report';

@ApiTags('moderation')
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('moderation/reports')
  report(@CurrentActor() actor: Actor, @Body() dto: CreateReportDto): Promise<ModerationReport> {
    return this.moderation.report(actor, dto);
  }

  @Post('moderation/reports/:id/hide')
  @HttpCode(200)
  hide(@CurrentActor() actor: Actor, @UuidParam('id', REPORT) id: string, @Body() dto: DecisionDto): Promise<ModerationLogEntry> {
    return this.moderation.hide(actor, id, dto);
  }

  @Post('moderation/reports/:id/restore')
  @HttpCode(200)
  restore(@CurrentActor() actor: Actor, @UuidParam('id', REPORT) id: string, @Body() dto: DecisionDto): Promise<ModerationLogEntry> {
    return this.moderation.restore(actor, id, dto);
  }

  @Post('moderation/reports/:id/dismiss')
  @HttpCode(200)
  dismiss(@CurrentActor() actor: Actor, @UuidParam('id', REPORT) id: string, @Body() dto: DecisionDto): Promise<ModerationLogEntry> {
    return this.moderation.dismiss(actor, id, dto);
  }

  @Get('networks/:id/moderation/queue')
  queue(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @Query() query: ModerationPageQueryDto,
  ): Promise<Page<ModerationQueueItem>> {
    return this.moderation.queue(actor, id, query);
  }

  @Post('networks/:id/moderation/warnings')
  warn(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string, @Body() dto: WarnDto): Promise<ModerationLogEntry> {
    return this.moderation.warn(actor, id, dto);
  }

  @Get('networks/:id/moderation/log')
  log(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @Query() query: ModerationPageQueryDto,
  ): Promise<Page<ModerationLogEntry>> {
    return this.moderation.log(actor, id, query);
  }
}
