import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { FilesService } from '../../core/storage/files.service';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  Opportunity,
  OpportunityAttachment,
  OpportunityCompanyRef,
  OpportunityGroup,
  OpportunitySupporterCandidate,
  OpportunityStats,
  OpportunityDigestSettings,
  OpportunityDigestUnsubscribe,
  OpportunityActingCompany,
  OpportunityMatch,
  OpportunityPage,
  OpportunityResponse,
  OpportunitySuggestion,
} from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import {
  CloseOpportunityDto,
  CompanyChoiceDto,
  CreateOpportunityDto,
  FormGroupDto,
  GroupMessageDto,
  GroupStatusDto,
  InvitableQueryDto,
  OpportunityDto,
  OpportunityListQueryDto,
  RespondDto,
  ResponseStatusDto,
  StatsQueryDto,
  SupporterDto,
  DigestSettingsDto,
  DigestTokenDto,
} from './dto/opportunity.dto';
import { OpportunityGroupsService } from './opportunity-groups.service';
import { OpportunityDigestService } from './opportunity-digest.service';
import { OpportunitiesService } from './opportunities.service';
import { OPPORTUNITY } from './opportunity-views';
import { OpportunityMatchingService } from './opportunity-matching.service';

@ApiTags('opportunities')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(
    private readonly opportunities: OpportunitiesService,
    private readonly matching: OpportunityMatchingService,
    private readonly groups: OpportunityGroupsService,
    private readonly access: AccessPolicy,
    private readonly digest: OpportunityDigestService,
    private readonly files: FilesService,
  ) {}

  /** The caller's weekly e-mail "opportunities for my company" (opt-in). */
  @Get('digest')
  digestSettings(@CurrentActor() actor: Actor): Promise<OpportunityDigestSettings> {
    return this.digest.settings(actor);
  }

  @Put('digest')
  setDigest(@CurrentActor() actor: Actor, @Body() dto: DigestSettingsDto): Promise<OpportunityDigestSettings> {
    return this.digest.setWeekly(actor, dto.weekly);
  }

  /** The unsubscribe link of a weekly e-mail (no sign-in): whether it still goes, changing nothing (scanners follow links). */
  @Public()
  @Get('digest/unsubscribe')
  digestUnsubscribePreview(@Query() query: DigestTokenDto): Promise<OpportunityDigestUnsubscribe> {
    return this.digest.unsubscribePreview(query.token);
  }

  /** RFC 8058 one-click (mail clients POST `List-Unsubscribe=One-Click`) and the web page's button; the token is the proof (no CSRF). */
  @Public()
  @Post('digest/unsubscribe')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @HttpCode(200)
  digestUnsubscribe(@Query() query: DigestTokenDto): Promise<OpportunityDigestUnsubscribe> {
    return this.digest.unsubscribe(query.token);
  }

  @Public()
  @Get()
  list(@OptionalActor() actor: MaybeActor, @Query() query: OpportunityListQueryDto): Promise<OpportunityPage> {
    return this.opportunities.list(actor, query);
  }

  /** The companies the caller may publish or respond for. */
  @Get('my-companies')
  myCompanies(@CurrentActor() actor: Actor): Promise<OpportunityActingCompany[]> {
    return this.opportunities.representedCompanies(actor);
  }

  /** Counts for the steering indicators: platform admins, or the staff of the organisation asked about. */
  @Get('stats')
  async stats(@CurrentActor() actor: Actor, @Query() query: StatsQueryDto): Promise<OpportunityStats> {
    const allowed =
      this.access.isPlatformAdmin(actor) ||
      (query.organizationId !== undefined && (await this.access.staffRole(actor, query.organizationId)) !== null);
    await this.access.assert(allowed);
    return this.groups.stats(query.organizationId);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOpportunityDto): Promise<Opportunity> {
    return this.opportunities.create(actor, dto);
  }

  @Public()
  @Get(':id')
  get(@OptionalActor() actor: MaybeActor, @UuidParam('id', OPPORTUNITY) id: string): Promise<Opportunity> {
    return this.opportunities.get(actor, id);
  }

  @Put(':id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string, @Body() dto: OpportunityDto): Promise<Opportunity> {
    return this.opportunities.update(actor, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string): Promise<Opportunity> {
    return this.opportunities.publish(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string, @Body() dto: CloseOpportunityDto): Promise<Opportunity> {
    return this.opportunities.close(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string): Promise<Opportunity> {
    return this.opportunities.cancel(actor, id);
  }

  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  upload(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @Upload() upload: UploadSource,
  ): Promise<OpportunityAttachment> {
    return this.opportunities.upload(actor, id, upload);
  }

  /** A file of a response (its company's people, while the opportunity is open); read through GET …/attachments/:id by the two companies. */
  @Post(':id/responses/:responseId/attachments')
  @ApiConsumes('multipart/form-data')
  uploadResponseAttachment(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @UuidParam('responseId', 'Response') responseId: string,
    @Upload() upload: UploadSource,
  ): Promise<OpportunityAttachment> {
    return this.opportunities.uploadResponseAttachment(actor, id, responseId, upload);
  }

  @Public()
  @Get(':id/attachments/:attachmentId')
  async download(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @UuidParam('attachmentId', 'Attachment') attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.files.send(await this.opportunities.download(actor, id, attachmentId), reply);
  }

  /** The companies that fit, with their reasons (the publisher's owners and admins). */
  @Get(':id/matches')
  matches(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string): Promise<OpportunityMatch[]> {
    return this.matching.companiesFor(actor, id);
  }

  @Post(':id/responses')
  respond(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string, @Body() dto: RespondDto): Promise<OpportunityResponse> {
    return this.opportunities.respond(actor, id, dto);
  }

  @Get(':id/responses')
  responses(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string): Promise<OpportunityResponse[]> {
    return this.opportunities.responses(actor, id);
  }

  @Put(':id/responses/:responseId')
  setResponseStatus(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @UuidParam('responseId', 'Response') responseId: string,
    @Body() dto: ResponseStatusDto,
  ): Promise<OpportunityResponse> {
    return this.opportunities.setResponseStatus(actor, id, responseId, dto.status);
  }

  /** The private question thread with the responder (a messaging conversation), opened by the publisher. */
  @Post(':id/responses/:responseId/thread')
  @HttpCode(200)
  openThread(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @UuidParam('responseId', 'Response') responseId: string,
  ): Promise<OpportunityResponse> {
    return this.opportunities.thread(actor, id, responseId);
  }

  // ---------- mini-grappes ----------

  @Post(':id/group')
  formGroup(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string, @Body() dto: FormGroupDto): Promise<OpportunityGroup> {
    return this.groups.form(actor, id, dto.companyIds);
  }

  @Get(':id/group')
  group(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string): Promise<OpportunityGroup> {
    return this.groups.get(actor, id);
  }

  @Put(':id/group')
  setGroupStatus(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @Body() dto: GroupStatusDto,
  ): Promise<OpportunityGroup> {
    return this.groups.setStatus(actor, id, dto.status);
  }

  @Post(':id/group/accept')
  @HttpCode(200)
  acceptGroup(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @Body() dto: CompanyChoiceDto,
  ): Promise<OpportunityGroup> {
    return this.groups.accept(actor, id, dto.companyId);
  }

  @Post(':id/group/documents')
  @ApiConsumes('multipart/form-data')
  addGroupDocument(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @Upload() upload: UploadSource,
  ): Promise<OpportunityGroup> {
    return this.groups.addDocument(actor, id, upload);
  }

  @Public()
  @Get(':id/group/documents/:documentId')
  async groupDocument(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @UuidParam('documentId', 'Document') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.files.send(await this.groups.sendDocument(actor, id, documentId), reply);
  }

  @Post(':id/group/messages')
  postInGroup(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @Body() dto: GroupMessageDto,
  ): Promise<OpportunityGroup> {
    return this.groups.post(actor, id, dto.body);
  }

  /** Who the lead may designate as the group's CCI "intégrateur de PME". */
  @Get(':id/group/supporter-candidates')
  supporterCandidates(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string): Promise<OpportunitySupporterCandidate[]> {
    return this.groups.supporterCandidates(actor, id);
  }

  @Put(':id/group/supporter')
  designateSupporter(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @Body() dto: SupporterDto,
  ): Promise<OpportunityGroup> {
    return this.groups.designateSupporter(actor, id, dto.personId);
  }

  /** The lead removes the supporter, or the supporter steps down. */
  @Delete(':id/group/supporter')
  @HttpCode(204)
  removeSupporter(@CurrentActor() actor: Actor, @UuidParam('id', OPPORTUNITY) id: string): Promise<void> {
    return this.groups.removeSupporter(actor, id);
  }

  /** The companies the supporter may invite (active members of the networks he animates or hosts). */
  @Get(':id/group/invitable')
  invitable(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @Query() query: InvitableQueryDto,
  ): Promise<OpportunityCompanyRef[]> {
    return this.groups.invitable(actor, id, query.q);
  }

  @Post(':id/group/invitations')
  inviteToGroup(
    @CurrentActor() actor: Actor,
    @UuidParam('id', OPPORTUNITY) id: string,
    @Body() dto: FormGroupDto,
  ): Promise<OpportunityGroup> {
    return this.groups.inviteAsSupporter(actor, id, dto.companyIds);
  }
}

@ApiTags('opportunities')
@Controller('companies/:id/opportunities')
export class CompanyOpportunitiesController {
  constructor(
    private readonly matching: OpportunityMatchingService,
    private readonly files: FilesService,
  ) {}

  /** "Opportunities for my company": the company's people only. */
  @Get('suggested')
  suggested(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string): Promise<OpportunitySuggestion[]> {
    return this.matching.suggestionsFor(actor, id);
  }
}
