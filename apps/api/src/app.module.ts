import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/config';
import { AccessModule } from './core/access/access.module';
import { DatabaseModule } from './core/database/database.module';
import { HttpExceptionFilter } from './core/errors/http-exception.filter';
import { GeoModule } from './core/geo/geo.module';
import { MailModule } from './core/mail/mail.module';
import { StorageModule } from './core/storage/storage.module';
import { AdminModule } from './modules/admin/admin.module';
import { CompaniesModule } from './modules/companies/companies.module';
import { HealthController } from './modules/health/health.controller';
import { IdentityModule } from './modules/identity/identity.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PeopleModule } from './modules/people/people.module';
import { ReferentialsModule } from './modules/referentials/referentials.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req) => String(req.headers['x-request-id']),
            customProps: (req) => ({ correlationId: req.headers['x-request-id'] }),
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
          },
        }),
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.DB_POOL_SIZE, runMigrations: config.RUN_MIGRATIONS }),
        AccessModule,
        MailModule,
        StorageModule,
        GeoModule,
        IdentityModule,
        PeopleModule,
        OrganizationsModule,
        CompaniesModule,
        ReferentialsModule,
        AdminModule,
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
