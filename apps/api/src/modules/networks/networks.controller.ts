import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  FederationChildRequest,
  MembershipEventView,
  Network,
  NetworkChild,
  NetworkMember,
  NetworkPerson,
  Page,
} from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import {
  ChangeRoleDto,
  InviteDto,
  JoinDto,
  NetworkDto,
  NetworkListQueryDto,
  NetworkPeopleQueryDto,
  NetworkSlugParamDto,
  SetParentsDto,
} from './dto/network.dto';
import { NetworkExportService } from './network-export.service';
import { NetworksService } from './networks.service';

const NETWORK = 'Network';
const MEMBERSHIP = 'Membership';

@ApiTags('networks')
@Controller('networks')
export class NetworksController {
  constructor(
    private readonly networks: NetworksService,
    private readonly exports: NetworkExportService,
  ) {}

  @Public()
  @Get()
  list(@OptionalActor() actor: MaybeActor, @Query() query: NetworkListQueryDto): Promise<Page<Network>> {
    return this.networks.list(actor, query);
  }

  /** The network at an address ('/reseaux/club-du-forez'); ids stay the stable reference. */
  @Public()
  @Get('by-slug/:slug')
  getBySlug(@OptionalActor() actor: MaybeActor, @Param() params: NetworkSlugParamDto): Promise<Network> {
    return this.networks.getBySlug(actor, params.slug);
  }

  @Public()
  @Get(':id')
  get(@OptionalActor() actor: MaybeActor, @UuidParam('id', NETWORK) id: string): Promise<Network> {
    return this.networks.get(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: NetworkDto): Promise<Network> {
    return this.networks.create(actor, dto);
  }

  @Put(':id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string, @Body() dto: NetworkDto): Promise<Network> {
    return this.networks.update(actor, id, dto);
  }

  @Put(':id/parents')
  setParents(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string, @Body() dto: SetParentsDto): Promise<Network> {
    return this.networks.setParents(actor, id, dto);
  }

  @Put(':id/logo')
  @ApiConsumes('multipart/form-data')
  setLogo(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string, @Upload() upload: UploadSource): Promise<Network> {
    return this.networks.setLogo(actor, id, upload);
  }

  @Delete(':id/logo')
  removeLogo(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string): Promise<Network> {
    return this.networks.setLogo(actor, id, null);
  }

  @Put(':id/cover')
  @ApiConsumes('multipart/form-data')
  setCover(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string, @Upload() upload: UploadSource): Promise<Network> {
    return this.networks.setLogo(actor, id, upload, 'coverFileId');
  }

  @Delete(':id/cover')
  removeCover(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string): Promise<Network> {
    return this.networks.setLogo(actor, id, null, 'coverFileId');
  }

  /** The networks asking to join this federation (its managers). */
  @Get(':id/federation-requests')
  federationRequests(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string): Promise<FederationChildRequest[]> {
    return this.networks.federationRequests(actor, id);
  }

  @Post(':id/federation-requests/:childId/accept')
  @HttpCode(200)
  acceptFederationRequest(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('childId', NETWORK) childId: string,
  ): Promise<FederationChildRequest[]> {
    return this.networks.decideFederationRequest(actor, id, childId, 'accepted');
  }

  @Post(':id/federation-requests/:childId/refuse')
  @HttpCode(200)
  refuseFederationRequest(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('childId', NETWORK) childId: string,
  ): Promise<FederationChildRequest[]> {
    return this.networks.decideFederationRequest(actor, id, childId, 'refused');
  }

  /** The federation's managers take a child network out of it. */
  @Delete(':id/children/:childId')
  @HttpCode(204)
  removeChild(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('childId', NETWORK) childId: string,
  ): Promise<void> {
    return this.networks.removeChild(actor, id, childId);
  }

  /** A federation's child networks (those the caller may see) and their activity. */
  @Public()
  @Get(':id/children')
  children(@OptionalActor() actor: MaybeActor, @UuidParam('id', NETWORK) id: string): Promise<NetworkChild[]> {
    return this.networks.children(actor, id);
  }

  /** The managers' export of the members (spreadsheet-safe CSV). */
  @Get(':id/members.csv')
  @ApiProduces('text/csv')
  @Header('cache-control', 'private, no-store')
  async membersCsv(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.exports.membersCsv(actor, id);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff');
    return file.content;
  }

  @Public()
  @Get(':id/members')
  members(@OptionalActor() actor: MaybeActor, @UuidParam('id', NETWORK) id: string): Promise<NetworkMember[]> {
    return this.networks.members(actor, id);
  }

  @Get(':id/people')
  people(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @Query() query: NetworkPeopleQueryDto,
  ): Promise<NetworkPerson[]> {
    return this.networks.people(actor, id, query.q);
  }

  @Get(':id/history')
  history(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string): Promise<MembershipEventView[]> {
    return this.networks.history(actor, id);
  }

  @Post(':id/join')
  join(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string, @Body() dto: JoinDto): Promise<NetworkMember> {
    return this.networks.join(actor, id, dto);
  }

  @Post(':id/invitations')
  invite(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string, @Body() dto: InviteDto): Promise<NetworkMember> {
    return this.networks.invite(actor, id, dto);
  }

  @Post(':id/members/:companyId/approve')
  @HttpCode(200)
  approve(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('companyId', MEMBERSHIP) companyId: string,
  ): Promise<NetworkMember> {
    return this.networks.approve(actor, id, companyId);
  }

  @Post(':id/members/:companyId/reject')
  @HttpCode(200)
  reject(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('companyId', MEMBERSHIP) companyId: string,
  ): Promise<NetworkMember> {
    return this.networks.reject(actor, id, companyId);
  }

  @Post(':id/members/:companyId/ban')
  @HttpCode(200)
  ban(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('companyId', MEMBERSHIP) companyId: string,
  ): Promise<NetworkMember> {
    return this.networks.ban(actor, id, companyId);
  }

  @Post(':id/members/:companyId/unban')
  @HttpCode(200)
  unban(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('companyId', MEMBERSHIP) companyId: string,
  ): Promise<NetworkMember> {
    return this.networks.unban(actor, id, companyId);
  }

  @Put(':id/members/:companyId/role')
  changeRole(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('companyId', MEMBERSHIP) companyId: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<NetworkMember> {
    return this.networks.changeRole(actor, id, companyId, dto);
  }

  /** The company leaves (its owners and admins) or is removed (the network's managers). */
  @Delete(':id/members/:companyId')
  @HttpCode(204)
  leave(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('companyId', MEMBERSHIP) companyId: string,
  ): Promise<void> {
    return this.networks.leave(actor, id, companyId);
  }
}
