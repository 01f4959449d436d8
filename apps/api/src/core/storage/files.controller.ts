import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { AppException } from '../errors/app-exception';
import { UuidParam } from '../http/params';
import { FilesService } from './files.service';

/** Public files (logos, profile photos). Private files are served by the feature that owns them. */
@ApiTags('files')
@Public()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Get(':id')
  async download(@UuidParam('id', 'File') id: string, @Res() reply: FastifyReply) {
    const file = await this.files.find(id);
    if (!file || !file.isPublic) throw AppException.notFound('File');
    return this.files.send({ file }, reply);
  }
}
