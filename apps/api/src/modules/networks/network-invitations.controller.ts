import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Network, NetworkInvitation, NetworkInvitationPreview } from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { TokenDto } from '../identity/dto/auth.dto';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { AcceptNetworkInvitationDto, NetworkEmailInvitationDto, NetworkInvitationLinkDto } from './dto/network-invitation.dto';
import { NetworkInvitationsService } from './network-invitations.service';

const NETWORK = 'Network';

/** Invitations by e-mail and shareable links (managers), their preview and acceptance (token holders). */
@ApiTags('networks')
@Controller('networks')
export class NetworkInvitationsController {
  constructor(private readonly invitations: NetworkInvitationsService) {}

  /** What a token opens; tokens travel in the body, never in a logged URL. */
  @Public()
  @Post('invitations/preview')
  @HttpCode(200)
  preview(@OptionalActor() actor: MaybeActor, @Body() dto: TokenDto): Promise<NetworkInvitationPreview> {
    return this.invitations.preview(actor, dto.token);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Body() dto: AcceptNetworkInvitationDto): Promise<Network> {
    return this.invitations.accept(actor, dto);
  }

  @Get(':id/invitations')
  list(@CurrentActor() actor: Actor, @UuidParam('id', NETWORK) id: string): Promise<NetworkInvitation[]> {
    return this.invitations.list(actor, id);
  }

  @Post(':id/invitations/email')
  inviteByEmail(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @Body() dto: NetworkEmailInvitationDto,
  ): Promise<NetworkInvitation> {
    return this.invitations.inviteByEmail(actor, id, dto);
  }

  @Post(':id/invitations/link')
  createLink(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @Body() dto: NetworkInvitationLinkDto,
  ): Promise<NetworkInvitation> {
    return this.invitations.createLink(actor, id, dto);
  }

  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  revoke(
    @CurrentActor() actor: Actor,
    @UuidParam('id', NETWORK) id: string,
    @UuidParam('invitationId', 'Invitation') invitationId: string,
  ): Promise<void> {
    return this.invitations.revoke(actor, id, invitationId);
  }
}
