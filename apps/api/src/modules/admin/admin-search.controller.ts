import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminSearchStatus, ReindexRun } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { AdminSearchService } from './admin-search.service';
import { ReindexDto } from './admin.dto';

/** The search index's health and its rebuild (platform admins). */
@ApiTags('admin')
@Controller('admin/search')
export class AdminSearchController {
  constructor(private readonly search: AdminSearchService) {}

  @Get()
  status(@CurrentActor() actor: Actor): Promise<AdminSearchStatus> {
    return this.search.status(actor);
  }

  /** Rebuilds every index in the background, as `npm run reindex`; follow it with GET /admin/search. */
  @Post('reindex')
  @HttpCode(202)
  reindex(@CurrentActor() actor: Actor, @Body() dto: ReindexDto): Promise<ReindexRun> {
    return this.search.reindex(actor, dto.kinds);
  }
}
