import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotificationPage, NotificationPreference, UnreadCount, UnsubscribePreview, UnsubscribeResult } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { CurrentActor, Public } from '../identity/identity.decorators';
import { MarkReadDto, NotificationListQueryDto, UnsubscribeQueryDto, UpdatePreferencesDto } from './dto/notifications.dto';
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

  /** The signed link of an e-mail (no login): what it turns off, changing nothing (mail scanners follow links). */
  @Public()
  @Get('unsubscribe')
  unsubscribePreview(@Query() query: UnsubscribeQueryDto): Promise<UnsubscribePreview> {
    return this.notifications.unsubscribePreview(query.token);
  }

  /** Turns it off: RFC 8058 one-click (mail clients POST `List-Unsubscribe=One-Click`) and the web page's button (exempt from CSRF: the token is the proof). */
  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  unsubscribeOneClick(@Query() query: UnsubscribeQueryDto): Promise<UnsubscribeResult> {
    return this.notifications.unsubscribe(query.token);
  }
}
