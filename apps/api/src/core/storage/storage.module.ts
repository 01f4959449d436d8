import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { StoredFile } from './entities/stored-file.entity';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { S3FileStorage } from './s3-file-storage';
import { FILE_STORAGE, LocalFileStorage, type FileStorage } from './storage';

/** The local folder DATA_DIR/files by default; an S3-compatible bucket when S3_BUCKET is set. */
export function fileStorageFor(config: AppConfig): FileStorage {
  if (config.S3_BUCKET) {
    return new S3FileStorage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalFileStorage(join(config.DATA_DIR, 'files'));
}

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([StoredFile])],
  controllers: [FilesController],
  providers: [FilesService, { provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: fileStorageFor }],
  exports: [FilesService],
})
export class StorageModule {}
