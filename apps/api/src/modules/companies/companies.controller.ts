import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Company, CompanyInvitation, CompanyMember, CompanySummary } from '@maillage/contracts';
import { isValidSiret, normalizeIdentifier } from '@maillage/referentials';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { UuidParam } from '../../core/http/params';
import { TokenDto } from '../identity/dto/auth.dto';
import { CurrentActor, OptionalActor, Public } from '../identity/identity.decorators';
import { CompaniesService } from './companies.service';
import { CreateCompanyDto, InviteColleagueDto, UpdateCompanyDto, UpdateCompanyMemberDto } from './dto/company.dto';

@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

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
    if (!isValidSiret(siret)) throw AppException.badRequest('INVALID_SIRET', 'Invalid SIRET', [{ field: 'siret', messages: ['must be a valid SIRET'] }]);
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

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Body() dto: UpdateCompanyDto): Promise<Company> {
    return this.companies.update(actor, id, dto);
  }

  @Post(':id/logo')
  @ApiConsumes('multipart/form-data')
  setLogo(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Req() req: FastifyRequest): Promise<Company> {
    return this.companies.setLogo(actor, id, req);
  }

  @Delete(':id/logo')
  removeLogo(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string): Promise<Company> {
    return this.companies.removeLogo(actor, id);
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
  removeMember(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @UuidParam('personId', 'Member') personId: string): Promise<void> {
    return this.companies.removeMember(actor, id, personId);
  }

  @Get(':id/invitations')
  invitations(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string): Promise<CompanyInvitation[]> {
    return this.companies.invitations(actor, id);
  }

  @Post(':id/invitations')
  invite(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Body() dto: InviteColleagueDto): Promise<CompanyInvitation> {
    return this.companies.invite(actor, id, dto);
  }

  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @UuidParam('invitationId', 'Invitation') invitationId: string): Promise<void> {
    return this.companies.revokeInvitation(actor, id, invitationId);
  }
}
