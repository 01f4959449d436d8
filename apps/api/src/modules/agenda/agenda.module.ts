import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { AgendaController, NetworkAgendaController } from './agenda.controller';
import { AgendaIcsService } from './agenda-ics.service';
import { AgendaNotifier } from './agenda-notifier';
import { AgendaRegistrationsService } from './agenda-registrations.service';
import { AgendaRemindersService } from './agenda-reminders.service';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';
import { EventSearchSource } from './agenda.search-source';
import { AgendaEventShare } from './entities/agenda-event-share.entity';
import { AgendaEvent } from './entities/agenda-event.entity';
import { AgendaFeedToken } from './entities/agenda-feed-token.entity';
import { AgendaRegistration } from './entities/agenda-registration.entity';
import { AgendaSettings } from './entities/agenda-settings.entity';
import { AgendaPersonalData } from './agenda.personal-data';

/** The agenda: events, registrations with a waitlist, check-in, ICS feeds, reminders. Access through the policy only. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AgendaEvent, AgendaEventShare, AgendaRegistration, AgendaSettings, AgendaFeedToken]),
    NotificationsModule,
  ],
  controllers: [NetworkAgendaController, AgendaController],
  providers: [
    AgendaPersonalData,
    EventSearchSource,
    AgendaRepository,
    AgendaNotifier,
    AgendaService,
    AgendaRegistrationsService,
    AgendaIcsService,
    AgendaRemindersService,
  ],
  exports: [AgendaService, AgendaRemindersService],
})
export class AgendaModule implements OnModuleInit {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly events: EventSearchSource,
  ) {}

  /** Published events are indexed from their tables (through the outbox, and by reindex). */
  onModuleInit() {
    this.indexer.register(this.events);
  }
}
