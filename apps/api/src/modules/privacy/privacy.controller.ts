import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { FilesService } from '../../core/storage/files.service';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type {
  AdminAuditEntry,
  ConsentStatus,
  DataExportView,
  LegalDocument,
  LegalDocumentKind,
  Page,
  PrivacySettings,
  RetentionSettings,
} from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { ListQueryDto } from '../../core/http/query.dto';
import { CurrentActor, Public } from '../../core/auth/auth.decorators';
import { AccountErasureService } from './account-erasure.service';
import { DataExportsService } from './data-exports.service';
import {
  AcceptConsentsDto,
  AdminDeleteUserDto,
  DeleteAccountDto,
  PublishLegalDocumentDto,
  RetentionSettingsDto,
  UpdatePrivacySettingsDto,
} from './dto/privacy.dto';
import { PrivacyAdminService } from './privacy-admin.service';
import { PrivacyAuditService } from './privacy-audit.service';
import { PrivacyService } from './privacy.service';

enum LegalKind {
  terms = 'terms',
  privacy = 'privacy',
}

class DownloadQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  token?: string;
}

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly exports: DataExportsService,
    private readonly erasure: AccountErasureService,
    private readonly files: FilesService,
  ) {}

  /** The current version of each legal text (the sign-up form sends back the versions it showed). */
  @Public()
  @Get('legal')
  versions(): Promise<{ kind: LegalDocumentKind; version: number }[]> {
    return this.privacy.currentVersions();
  }

  @Public()
  @Get('legal/:kind')
  legal(@Param('kind', new ParseEnumPipe(LegalKind)) kind: LegalDocumentKind): Promise<LegalDocument> {
    return this.privacy.legal(kind);
  }

  /** Platform admins publish a new version (Markdown): everyone accepts it at their next visit. */
  @Put('legal/:kind')
  publish(
    @CurrentActor() actor: Actor,
    @Param('kind', new ParseEnumPipe(LegalKind)) kind: LegalDocumentKind,
    @Body() dto: PublishLegalDocumentDto,
  ): Promise<LegalDocument> {
    return this.privacy.publish(actor, kind, dto.body);
  }

  @Get('privacy/settings')
  settings(@CurrentActor() actor: Actor): Promise<PrivacySettings> {
    return this.privacy.settings(actor);
  }

  @Patch('privacy/settings')
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: UpdatePrivacySettingsDto): Promise<PrivacySettings> {
    return this.privacy.updateSettings(actor, dto);
  }

  @Get('privacy/consents')
  consents(@CurrentActor() actor: Actor): Promise<ConsentStatus> {
    return this.privacy.consentStatus(actor);
  }

  @Post('privacy/consents')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Body() dto: AcceptConsentsDto): Promise<ConsentStatus> {
    return this.privacy.accept(actor, dto);
  }

  @Get('privacy/exports')
  listExports(@CurrentActor() actor: Actor): Promise<DataExportView[]> {
    return this.exports.list(actor);
  }

  @Post('privacy/exports')
  @HttpCode(202)
  requestExport(@CurrentActor() actor: Actor): Promise<DataExportView> {
    return this.exports.request(actor);
  }

  @Get('privacy/exports/:id')
  getExport(@CurrentActor() actor: Actor, @UuidParam('id', 'Export') id: string): Promise<DataExportView> {
    return this.exports.get(actor, id);
  }

  @Get('privacy/exports/:id/download')
  async download(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Export') id: string,
    @Query() query: DownloadQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.files.send(await this.exports.download(actor, id, query.token), reply);
  }

  /** Deletes the account after the password is confirmed; the session ends with it. */
  @Post('privacy/account/delete')
  @HttpCode(204)
  async deleteAccount(
    @CurrentActor() actor: Actor,
    @Body() dto: DeleteAccountDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.erasure.deleteOwn(actor, dto.password, dto.deleteForumPosts ?? false);
    reply.clearCookie('maillage_session', { path: '/' });
  }
}

@ApiTags('admin')
@Controller('admin')
export class PrivacyAdminController {
  constructor(
    private readonly admin: PrivacyAdminService,
    private readonly audit: PrivacyAuditService,
    private readonly exports: DataExportsService,
    private readonly erasure: AccountErasureService,
  ) {}

  @Post('users/:id/suspend')
  @HttpCode(204)
  suspend(@CurrentActor() actor: Actor, @UuidParam('id', 'Person') id: string): Promise<void> {
    return this.admin.setSuspended(actor, id, true);
  }

  @Post('users/:id/reactivate')
  @HttpCode(204)
  reactivate(@CurrentActor() actor: Actor, @UuidParam('id', 'Person') id: string): Promise<void> {
    return this.admin.setSuspended(actor, id, false);
  }

  /** An export of a person's data for a request received by post: the admin downloads it. */
  @Post('users/:id/export')
  @HttpCode(202)
  exportUser(@CurrentActor() actor: Actor, @UuidParam('id', 'Person') id: string): Promise<DataExportView> {
    this.admin.assertAdmin(actor);
    return this.exports.request(actor, id);
  }

  @Post('users/:id/delete')
  @HttpCode(204)
  deleteUser(@CurrentActor() actor: Actor, @UuidParam('id', 'Person') id: string, @Body() dto: AdminDeleteUserDto): Promise<void> {
    this.admin.assertAdmin(actor);
    return this.erasure.deleteByAdmin(actor, id, dto.deleteForumPosts ?? false);
  }

  @Get('audit')
  auditLog(@CurrentActor() actor: Actor, @Query() query: ListQueryDto): Promise<Page<AdminAuditEntry>> {
    this.admin.assertAdmin(actor);
    return this.audit.list(query.page, query.pageSize);
  }

  @Get('retention')
  retention(@CurrentActor() actor: Actor): Promise<RetentionSettings> {
    return this.admin.retention(actor);
  }

  @Put('retention')
  setRetention(@CurrentActor() actor: Actor, @Body() dto: RetentionSettingsDto): Promise<RetentionSettings> {
    return this.admin.setRetention(actor, dto);
  }
}
