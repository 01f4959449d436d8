import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type {
  NetworkNotificationSetting,
  NotificationPage,
  NotificationPreference,
  UnreadCount,
  UnsubscribePreview,
  UnsubscribeResult,
} from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { CurrentActor, Public } from '../../core/auth/auth.decorators';
import { UuidParam } from '../../core/http/params';
import {
  MarkReadDto,
  NetworkNotificationLevelDto,
  NotificationListQueryDto,
  UnsubscribeQueryDto,
  UpdatePreferencesDto,
} from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications, newest first (`unread=true`: only the unread ones). */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: NotificationListQueryDto): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return { unreadCount: await this.notifications.unreadCount(actor.personId) };
  }

  @Post('read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Body() dto: MarkReadDto): Promise<UnreadCount> {
    return this.notifications.markRead(actor, dto.ids);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return this.notifications.markRead(actor, 'all');
  }

  @Get('preferences')
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreference[]> {
    return this.notifications.preferences(actor.personId);
  }

  @Put('preferences')
  setPreferences(@CurrentActor() actor: Actor, @Body() dto: UpdatePreferencesDto): Promise<NotificationPreference[]> {
    return this.notifications.setPreferences(actor.personId, dto.preferences);
  }

  /** The levels the caller chose per network (everything, highlights, nothing); other networks are at the default. */
  @Get('networks')
  networkLevels(@CurrentActor() actor: Actor): Promise<NetworkNotificationSetting[]> {
    return this.notifications.networkLevels(actor.personId);
  }

  @Put('networks/:networkId')
  setNetworkLevel(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', 'Network') networkId: string,
    @Body() dto: NetworkNotificationLevelDto,
  ): Promise<NetworkNotificationSetting> {
    return this.notifications.setNetworkLevel(actor, networkId, dto.level);
  }

  /** The signed link of an e-mail (no login): what it turns off, changing nothing (mail scanners follow links). */
  @Public()
  @Get('unsubscribe')
  unsubscribePreview(@Query() query: UnsubscribeQueryDto): Promise<UnsubscribePreview> {
    return this.notifications.unsubscribePreview(query.token);
  }

  /** Turns it off: RFC 8058 one-click (mail clients POST `List-Unsubscribe=One-Click`) and the web page's button (exempt from CSRF: the token is the proof). */
  @Public()
  @Post('unsubscribe')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @HttpCode(200)
  unsubscribeOneClick(@Query() query: UnsubscribeQueryDto): Promise<UnsubscribeResult> {
    return this.notifications.unsubscribe(query.token);
  }
}
