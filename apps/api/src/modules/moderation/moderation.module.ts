import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { ModerationAction } from './entities/moderation-action.entity';
import { ModerationReport } from './entities/moderation-report.entity';
import { PostingEvent } from './entities/posting-event.entity';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';

/** Imported by the features that have reportable content (ForumsModule…) and by NetworksModule (audited bans). */
@Module({
  imports: [TypeOrmModule.forFeature([ModerationReport, ModerationAction, PostingEvent]), NotificationsModule],
  controllers: [ModerationController],
  providers: [ModerationService],
  exports: [ModerationService],
})
export class ModerationModule {}
