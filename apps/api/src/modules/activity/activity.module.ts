import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { AnnouncementsModule } from '../announcements/announcements.module';
import { DocumentsModule } from '../documents/documents.module';
import { ForumsModule } from '../forums/forums.module';
import { NetworksModule } from '../networks/networks.module';
import { ActivityController } from './activity.controller';
import { ActivityService } from './activity.service';

/** Activity feeds of networks (see README.md); owns no table. */
@Module({
  imports: [NetworksModule, ForumsModule, AgendaModule, DocumentsModule, AnnouncementsModule],
  controllers: [ActivityController],
  providers: [ActivityService],
  exports: [ActivityService],
})
export class ActivityModule {}
