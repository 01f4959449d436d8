import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Company, CompanyClaim, CompanyInvitation, CompanyMember, CompanySummary } from '@maillage/contracts';
import { isValidSiret, normalizeIdentifier } from '@maillage/referentials';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { UuidParam } from '../../core/http/params';
import { TokenDto } from '../identity/dto/auth.dto';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { CompaniesService } from './companies.service';
import { CompanyClaimsService } from './company-claims.service';
import { CompanyDepartureService } from './company-departure.service';
import {
  CompanyClaimDto,
  CreateCompanyDto,
  LeavePlatformDto,
  InviteColleagueDto,
  UpdateCompanyDto,
  UpdateCompanyMemberDto,
} from './dto/company.dto';

@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly claims: CompanyClaimsService,
    private readonly departure: CompanyDepartureService,
  ) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCompanyDto): Promise<Company> {
    return this.companies.createOrClaim(actor, dto);
  }

  @Get('mine')
  mine(@CurrentActor() actor: Actor): Promise<CompanySummary[]> {
    return this.companies.companiesOf(actor.personId);
  }

  /** Whether a SIRET is already on the platform (to offer "claim" or "ask to be invited"). */
  @Public()
  @Get('by-siret/:siret')
  async bySiret(@Param('siret') raw: string): Promise<CompanySummary> {
    const siret = normalizeIdentifier(raw);
    if (!isValidSiret(siret))
      throw AppException.badRequest('INVALID_SIRET', 'Invalid SIRET', [{ field: 'siret', messages: ['must be a valid SIRET'] }]);
    const found = await this.companies.findBySiret(siret);
    if (!found) throw AppException.notFound('Company');
    return found;
  }

  @Post('invitations/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Body() dto: TokenDto): Promise<CompanySummary> {
    return this.companies.acceptInvitation(actor, dto.token);
  }

  @Public()
  @Get(':id')
  get(@OptionalActor() actor: MaybeActor, @UuidParam('id', 'Company') id: string): Promise<Company> {
    return this.companies.get(actor, id);
  }

  /** One of the owners removes the company from the platform, confirming with their password. */
  @Post(':id/leave-platform')
  @HttpCode(204)
  leavePlatform(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Body() dto: LeavePlatformDto): Promise<void> {
    return this.departure.leave(actor, id, dto.password);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Body() dto: UpdateCompanyDto): Promise<Company> {
    return this.companies.update(actor, id, dto);
  }

  @Post(':id/logo')
  @ApiConsumes('multipart/form-data')
  setLogo(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Upload() upload: UploadSource): Promise<Company> {
    return this.companies.setLogo(actor, id, upload);
  }

  @Delete(':id/logo')
  removeLogo(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string): Promise<Company> {
    return this.companies.removeLogo(actor, id);
  }

  @Put(':id/cover')
  @ApiConsumes('multipart/form-data')
  setCover(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Upload() upload: UploadSource): Promise<Company> {
    return this.companies.setLogo(actor, id, upload, 'coverFileId');
  }

  @Delete(':id/cover')
  removeCover(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string): Promise<Company> {
    return this.companies.removeLogo(actor, id, 'coverFileId');
  }

  @Public()
  @Get(':id/members')
  members(@OptionalActor() actor: MaybeActor, @UuidParam('id', 'Company') id: string): Promise<CompanyMember[]> {
    return this.companies.members(actor, id);
  }

  @Patch(':id/members/:personId')
  updateMember(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Company') id: string,
    @UuidParam('personId', 'Member') personId: string,
    @Body() dto: UpdateCompanyMemberDto,
  ): Promise<CompanyMember[]> {
    return this.companies.updateMember(actor, id, personId, dto.role);
  }

  @Delete(':id/members/:personId')
  @HttpCode(204)
  removeMember(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Company') id: string,
    @UuidParam('personId', 'Member') personId: string,
  ): Promise<void> {
    return this.companies.removeMember(actor, id, personId);
  }

  @Get(':id/invitations')
  invitations(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string): Promise<CompanyInvitation[]> {
    return this.companies.invitations(actor, id);
  }

  @Post(':id/invitations')
  invite(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Company') id: string,
    @Body() dto: InviteColleagueDto,
  ): Promise<CompanyInvitation> {
    return this.companies.invite(actor, id, dto);
  }

  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  revoke(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Company') id: string,
    @UuidParam('invitationId', 'Invitation') invitationId: string,
  ): Promise<void> {
    return this.companies.revokeInvitation(actor, id, invitationId);
  }

  /** Asks to join a company that already has people (its owners and admins decide). */
  @Post(':id/claims')
  claim(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Body() dto: CompanyClaimDto): Promise<CompanyClaim> {
    return this.claims.request(actor, id, dto);
  }

  @Get(':id/claims')
  pendingClaims(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string): Promise<CompanyClaim[]> {
    return this.claims.pending(actor, id);
  }

  @Post(':id/claims/:claimId/accept')
  @HttpCode(200)
  acceptClaim(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Company') id: string,
    @UuidParam('claimId', 'Claim') claimId: string,
  ): Promise<CompanyClaim> {
    return this.claims.decide(actor, id, claimId, 'accepted');
  }

  @Post(':id/claims/:claimId/refuse')
  @HttpCode(200)
  refuseClaim(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Company') id: string,
    @UuidParam('claimId', 'Claim') claimId: string,
  ): Promise<CompanyClaim> {
    return this.claims.decide(actor, id, claimId, 'refused');
  }
}
