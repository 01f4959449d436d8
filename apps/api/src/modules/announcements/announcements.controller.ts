import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Announcement } from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { AnnouncementsService } from './announcements.service';
import { AnnouncementDto } from './dto/announcements.dto';

const ANNOUNCEMENT = 'Announcement';

@ApiTags('announcements')
@Controller()
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  /** A network's announcements (pinned first), for whoever reads its content. */
  @Public()
  @Get('networks/:networkId/announcements')
  list(@OptionalActor() actor: MaybeActor, @UuidParam('networkId', 'Network') networkId: string): Promise<Announcement[]> {
    return this.announcements.list(actor, networkId);
  }

  /** Publishes an announcement (the network's managers) and notifies its members at once. */
  @Post('networks/:networkId/announcements')
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', 'Network') networkId: string,
    @Body() dto: AnnouncementDto,
  ): Promise<Announcement> {
    return this.announcements.create(actor, networkId, dto);
  }

  @Public()
  @Get('announcements/:id')
  get(@OptionalActor() actor: MaybeActor, @UuidParam('id', ANNOUNCEMENT) id: string): Promise<Announcement> {
    return this.announcements.get(actor, id);
  }

  @Put('announcements/:id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', ANNOUNCEMENT) id: string, @Body() dto: AnnouncementDto): Promise<Announcement> {
    return this.announcements.update(actor, id, dto);
  }

  @Post('announcements/:id/unpin')
  @HttpCode(200)
  unpin(@CurrentActor() actor: Actor, @UuidParam('id', ANNOUNCEMENT) id: string): Promise<Announcement> {
    return this.announcements.unpin(actor, id);
  }

  @Delete('announcements/:id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('id', ANNOUNCEMENT) id: string): Promise<void> {
    return this.announcements.remove(actor, id);
  }
}
