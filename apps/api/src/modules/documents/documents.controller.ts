import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { FilesService } from '../../core/storage/files.service';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  DocumentDetail,
  DocumentFolder,
  DocumentFolderOption,
  DocumentItem,
  DocumentLibrary,
  DocumentSearchResult,
} from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import {
  CreateDocumentFolderDto,
  DocumentFolderQueryDto,
  DocumentSearchQueryDto,
  UpdateDocumentDto,
  UpdateDocumentFolderDto,
} from './dto/document.dto';
import { DOCUMENT, FOLDER, LIBRARY, VERSION } from './documents.errors';
import { DocumentsService } from './documents.service';

/** `:number` of a version: a positive integer or `current`; anything else cannot exist (404). */
function versionNumber(value: string): number | 'current' {
  if (value === 'current') return 'current';
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw AppException.notFound(VERSION);
  return Number(value);
}

/** A network's library: /networks/:networkId/documents… (see libs/contracts/src/documents.ts for every path). */
@ApiTags('documents')
@Controller('networks/:networkId/documents')
export class NetworkDocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly files: FilesService,
  ) {}

  @Public()
  @Get()
  library(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('networkId', LIBRARY) networkId: string,
    @Query() query: DocumentFolderQueryDto,
  ): Promise<DocumentLibrary> {
    return this.documents.library(actor, networkId, query.folderId);
  }

  @Public()
  @Get('search')
  search(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('networkId', LIBRARY) networkId: string,
    @Query() query: DocumentSearchQueryDto,
  ): Promise<DocumentSearchResult> {
    return this.documents.search(actor, networkId, query.q);
  }

  @Public()
  @Get('folders')
  folders(@OptionalActor() actor: MaybeActor, @UuidParam('networkId', LIBRARY) networkId: string): Promise<DocumentFolderOption[]> {
    return this.documents.folderOptions(actor, networkId);
  }

  @Post('folders')
  createFolder(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', LIBRARY) networkId: string,
    @Body() dto: CreateDocumentFolderDto,
  ): Promise<DocumentFolder> {
    return this.documents.createFolder(actor, networkId, dto);
  }

  @Post()
  @ApiConsumes('multipart/form-data')
  upload(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', LIBRARY) networkId: string,
    @Query() query: DocumentFolderQueryDto,
    @Upload() upload: UploadSource,
  ): Promise<DocumentItem> {
    return this.documents.upload(actor, networkId, query.folderId, upload);
  }
}

/** Folders and documents addressed by their own id: /documents/… */
@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly files: FilesService,
  ) {}

  @Patch('folders/:folderId')
  updateFolder(
    @CurrentActor() actor: Actor,
    @UuidParam('folderId', FOLDER) id: string,
    @Body() dto: UpdateDocumentFolderDto,
  ): Promise<DocumentFolder> {
    return this.documents.updateFolder(actor, id, dto);
  }

  @Delete('folders/:folderId')
  @HttpCode(204)
  deleteFolder(@CurrentActor() actor: Actor, @UuidParam('folderId', FOLDER) id: string): Promise<void> {
    return this.documents.deleteFolder(actor, id);
  }

  @Public()
  @Get(':documentId')
  document(@OptionalActor() actor: MaybeActor, @UuidParam('documentId', DOCUMENT) id: string): Promise<DocumentDetail> {
    return this.documents.document(actor, id);
  }

  @Patch(':documentId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('documentId', DOCUMENT) id: string,
    @Body() dto: UpdateDocumentDto,
  ): Promise<DocumentItem> {
    return this.documents.update(actor, id, dto);
  }

  @Delete(':documentId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('documentId', DOCUMENT) id: string): Promise<void> {
    return this.documents.remove(actor, id);
  }

  @Post(':documentId/versions')
  @ApiConsumes('multipart/form-data')
  newVersion(
    @CurrentActor() actor: Actor,
    @UuidParam('documentId', DOCUMENT) id: string,
    @Upload() upload: UploadSource,
  ): Promise<DocumentDetail> {
    return this.documents.newVersion(actor, id, upload);
  }

  @Post(':documentId/versions/:number/restore')
  restore(
    @CurrentActor() actor: Actor,
    @UuidParam('documentId', DOCUMENT) id: string,
    @Param('number') number: string,
  ): Promise<DocumentDetail> {
    const n = versionNumber(number);
    if (n === 'current') throw AppException.notFound(VERSION);
    return this.documents.restore(actor, id, n);
  }

  @Public()
  @Get(':documentId/versions/:number/:what')
  async file(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('documentId', DOCUMENT) id: string,
    @Param('number') number: string,
    @Param('what') what: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (what !== 'download' && what !== 'preview' && what !== 'thumbnail') throw AppException.notFound('Resource');
    return this.files.send(await this.documents.send(actor, id, versionNumber(number), what), reply);
  }
}
