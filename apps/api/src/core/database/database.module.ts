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
          extra: { max: options.poolSize, application_name: 'maillage-api' },
          logging: false,
        }),
      ],
    };
  }
}
