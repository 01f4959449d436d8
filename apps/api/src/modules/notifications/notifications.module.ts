import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NetworkNotificationLevelChoice } from './entities/network-notification-level.entity';
import { NotificationDigest } from './entities/notification-digest.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { Notification } from './entities/notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotificationsPersonalData } from './notifications.personal-data';

/** Notifications of every domain event: other modules import this module and call NotificationsService.notify(). */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationPreference, NotificationDigest, NetworkNotificationLevelChoice])],
  controllers: [NotificationsController],
  providers: [NotificationsPersonalData, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
