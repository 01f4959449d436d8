import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { DirectoryImport, DirectoryImportPage } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { ListQueryDto } from '../../core/http/query.dto';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { SireneUploadsService } from './sirene-uploads.service';

/** SIRENE StockEtablissement imports started from the administration (platform admins). */
@ApiTags('admin')
@Controller('admin/imports')
export class SireneUploadsController {
  constructor(private readonly uploads: SireneUploadsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListQueryDto): Promise<DirectoryImportPage> {
    return this.uploads.list(actor, query);
  }

  /** The CSV in a multipart `file` field; answers once it is received, the import goes on in the background. */
  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  start(@CurrentActor() actor: Actor, @Upload() upload: UploadSource): Promise<DirectoryImport> {
    return this.uploads.start(actor, upload);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam('id', 'Import') id: string): Promise<DirectoryImport> {
    return this.uploads.get(actor, id);
  }
}
