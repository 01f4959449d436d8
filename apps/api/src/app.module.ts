import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/config';
import { AccessModule } from './core/access/access.module';
import { DatabaseModule } from './core/database/database.module';
import { HttpExceptionFilter } from './core/errors/http-exception.filter';
import { GeoModule } from './core/geo/geo.module';
import { MailModule } from './core/mail/mail.module';
import { JobsModule } from './core/jobs/jobs.module';
import { RealtimeModule } from './core/realtime/realtime.module';
import { PersonalDataModule } from './core/privacy/personal-data.registry';
import { SearchModule } from './core/search/search.module';
import { StorageModule } from './core/storage/storage.module';
import { AdminModule } from './modules/admin/admin.module';
import { AgendaModule } from './modules/agenda/agenda.module';
import { CompaniesModule } from './modules/companies/companies.module';
import { HomeModule } from './modules/home/home.module';
import { ActivityModule } from './modules/activity/activity.module';
import { AnnouncementsModule } from './modules/announcements/announcements.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { HealthController } from './modules/health/health.controller';
import { NetworksModule } from './modules/networks/networks.module';
import { NewslettersModule } from './modules/newsletters/newsletters.module';
import { PollsModule } from './modules/polls/polls.module';
import { SurveysModule } from './modules/surveys/surveys.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { ForumsModule } from './modules/forums/forums.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { IdentityModule } from './modules/identity/identity.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { OpportunitiesModule } from './modules/opportunities/opportunities.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PeopleModule } from './modules/people/people.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ReferentialsModule } from './modules/referentials/referentials.module';
import { SteeringModule } from './modules/steering/steering.module';
import { SsoModule } from './modules/sso/sso.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        // Logs through pino; the access log is one Fastify hook (see http-setup), not a per-request child logger.
        // JSON lines for log collectors; readable lines when a person watches a terminal (stdout is a TTY).
        LoggerModule.forRoot({
          forRoutes: [],
          pinoHttp: {
            level: config.LOG_LEVEL,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
            ...(process.stdout.isTTY
              ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
              : {}),
          },
        }),
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.DB_POOL_SIZE, runMigrations: config.RUN_MIGRATIONS }),
        AccessModule,
        PersonalDataModule,
        JobsModule,
        MailModule,
        StorageModule,
        GeoModule,
        SearchModule,
        RealtimeModule.forRoot({ imports: [IdentityModule] }),
        IdentityModule,
        PeopleModule,
        OrganizationsModule,
        CompaniesModule,
        NotificationsModule,
        NetworksModule,
        HomeModule,
        ModerationModule,
        ForumsModule,
        AgendaModule,
        DocumentsModule,
        NewslettersModule,
        AnnouncementsModule,
        ActivityModule,
        MessagingModule,
        ReferentialsModule,
        DirectoryModule,
        OpportunitiesModule,
        AdminModule,
        SteeringModule,
        PollsModule,
        SurveysModule,
        PrivacyModule,
        SsoModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
