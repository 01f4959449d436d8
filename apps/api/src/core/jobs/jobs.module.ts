import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobRunner } from './job-runner';

/** Tests poll no queue in the background (a stray query would race their counts): queued jobs run when kicked. */
@Global()
@Module({
  providers: [
    {
      provide: JobRunner,
      useFactory: (db: DataSource, config: AppConfig) => new JobRunner(db, config.NODE_ENV === 'test' ? 0 : 1000),
      inject: [DataSource, APP_CONFIG],
    },
  ],
  exports: [JobRunner],
})
export class JobsModule {}
