import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  runMigrations: boolean;
}

/** TypeORM on PostgreSQL (a server, or the embedded PGlite over its socket); migrations only. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          autoLoadEntities: true,
          synchronize: false,
          migrations: MIGRATIONS,
          migrationsRun: options.runMigrations,
          migrationsTransactionMode: 'each',
          namingStrategy: new SnakeNamingStrategy(),
          // gen_random_uuid() is built into PostgreSQL ≥ 13 and PGlite: no extension to install.
          uuidExtension: 'pgcrypto',
          installExtensions: false,
          // Idle connections stay open: a new PostgreSQL backend plans its first statements with cold catalog
          // caches (10–40 ms each measured here), a latency spike whenever traffic grows again after a lull.
          extra: { max: options.poolSize, idleTimeoutMillis: 0, application_name: 'maillage-api' },
          logging: false,
        }),
      ],
    };
  }
}
