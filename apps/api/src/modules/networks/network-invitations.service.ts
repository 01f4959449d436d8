import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Network as NetworkView, NetworkInvitation as InvitationView, NetworkInvitationPreview } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { MailService } from '../../core/mail/mail.service';
import { fileUrl } from '../../core/storage/file-url';
import { Person } from '../identity/entities/person.entity';
import { throttleRules, ThrottleService } from '../identity/throttle.service';
import { hashToken, newToken } from '../../core/auth/tokens';
import type { AcceptNetworkInvitationDto, NetworkEmailInvitationDto, NetworkInvitationLinkDto } from './dto/network-invitation.dto';
import { Membership } from './entities/membership.entity';
import { NetworkInvitation } from './entities/network-invitation.entity';
import { Network } from './entities/network.entity';
import { NETWORK_INVITATION_DAYS, networkInvitationMail } from './networks.mail-templates';
import { NetworksService } from './networks.service';

const DAY = 86_400_000;
/** A link expires within a year at most. */
const LINK_MAX_DAYS = 366;
/** The web page that previews an invitation and lets the person pick the company that joins. */
const ACCEPT_PATH = '/invitations/reseau';

const invalidToken = () =>
  AppException.badRequest(
    'INVALID_TOKEN',
    'This invitation is invalid, has expired, was revoked, was used up or is meant for another address',
  );

function usable(invitation: NetworkInvitation | null): invitation is NetworkInvitation {
  return (
    !!invitation &&
    invitation.revokedAt === null &&
    (invitation.expiresAt === null || invitation.expiresAt.getTime() > Date.now()) &&
    (invitation.maxUses === null || invitation.uses < invitation.maxUses)
  );
}

/**
 * Invitations to a network: by e-mail (one address, one use, 14 days; the address need not have an
 * account yet) and shareable links (optional expiry and maximum uses). Tokens are stored hashed.
 * Accepting makes the chosen company (one the person acts for) an active member, whatever the
 * join policy; a banned company stays out.
 */
@Injectable()
export class NetworkInvitationsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly networks: NetworksService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: ThrottleService,
  ) {}

  async inviteByEmail(actor: Actor, id: string, dto: NetworkEmailInvitationDto): Promise<InvitationView> {
    await this.assertMayInvite(actor, id);
    await this.throttle.consume(throttleRules.invitationsBy(actor.personId), throttleRules.invitationsTo(dto.email));
    const { token, hash } = newToken();
    const saved = await this.networks.write(async (tx) => {
      const network = await tx.findOneByOrFail(Network, { id });
      const inviter = await tx.findOneByOrFail(Person, { id: actor.personId });
      // A new invitation to the same address replaces the unused ones.
      await tx.query(
        "UPDATE network_invitations SET revoked_at = now() WHERE network_id = $1 AND kind = 'email' AND email = $2 AND revoked_at IS NULL AND uses = 0",
        [id, dto.email],
      );
      const invitation = await tx.save(
        NetworkInvitation,
        tx.create(NetworkInvitation, {
          networkId: id,
          kind: 'email',
          email: dto.email,
          tokenHash: hash,
          createdById: actor.personId,
          expiresAt: new Date(Date.now() + NETWORK_INVITATION_DAYS * DAY),
          maxUses: 1,
        }),
      );
      const invitee = await tx.findOneBy(Person, { email: dto.email });
      await this.mail.send(
        {
          to: dto.email,
          locale: invitee?.locale ?? inviter.locale,
          template: networkInvitationMail,
          data: {
            inviter: `${inviter.firstName} ${inviter.lastName}`,
            network: network.name,
            days: NETWORK_INVITATION_DAYS,
            link: this.link(token),
          },
        },
        tx,
      );
      return invitation;
    });
    return this.toView(saved);
  }

  /** A shareable link; its address is only shown in this answer (the token is stored hashed). */
  async createLink(actor: Actor, id: string, dto: NetworkInvitationLinkDto): Promise<InvitationView> {
    await this.assertMayInvite(actor, id);
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && (expiresAt.getTime() <= Date.now() || expiresAt.getTime() > Date.now() + LINK_MAX_DAYS * DAY)) {
      throw AppException.badRequest('VALIDATION_FAILED', 'Some fields are invalid', [
        { field: 'expiresAt', messages: ['must be in the future, within a year'] },
      ]);
    }
    const { token, hash } = newToken();
    const saved = await this.db.manager.save(
      NetworkInvitation,
      this.db.manager.create(NetworkInvitation, {
        networkId: id,
        kind: 'link',
        email: null,
        tokenHash: hash,
        createdById: actor.personId,
        expiresAt,
        maxUses: dto.maxUses ?? null,
      }),
    );
    return { ...this.toView(saved), url: this.link(token) };
  }

  /** The invitations that can still be used. */
  async list(actor: Actor, id: string): Promise<InvitationView[]> {
    await this.assertMayInvite(actor, id);
    const rows = await this.db.manager
      .createQueryBuilder(NetworkInvitation, 'i')
      .where('i.network_id = :id AND i.revoked_at IS NULL', { id })
      .andWhere('(i.expires_at IS NULL OR i.expires_at > now())')
      .andWhere('(i.max_uses IS NULL OR i.uses < i.max_uses)')
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id')
      .getMany();
    return rows.map((r) => this.toView(r));
  }

  async revoke(actor: Actor, id: string, invitationId: string): Promise<void> {
    await this.assertMayInvite(actor, id);
    const [, affected]: [unknown, number] = await this.db.query(
      'UPDATE network_invitations SET revoked_at = now() WHERE id = $1 AND network_id = $2 AND revoked_at IS NULL AND (max_uses IS NULL OR uses < max_uses)',
      [invitationId, id],
    );
    if (!affected) throw AppException.notFound('Invitation');
  }

  /** What the token opens (the network's card) and, for a signed-in person, the companies that could join with it. */
  async preview(actor: MaybeActor, token: string): Promise<NetworkInvitationPreview> {
    const invitation = await this.db.manager.findOneBy(NetworkInvitation, { tokenHash: hashToken(token) });
    if (!usable(invitation)) throw invalidToken();
    const network = await this.db.manager.findOneByOrFail(Network, { id: invitation.networkId });
    let forYou: boolean | null = null;
    const companies: NetworkInvitationPreview['companies'] = [];
    if (actor) {
      if (invitation.kind === 'email') forYou = (await this.emailOf(actor)) === invitation.email;
      const rows: NetworkInvitationPreview['companies'] = await this.db.query(
        `SELECT c.id AS "companyId", coalesce(c.trade_name, c.legal_name) AS name, m.status
         FROM company_members cm JOIN companies c ON c.id = cm.company_id
         LEFT JOIN network_memberships m ON m.company_id = c.id AND m.network_id = $2
         WHERE cm.person_id = $1 ORDER BY cm.created_at, c.id`,
        [actor.personId, network.id],
      );
      for (const row of rows) if (await this.access.canActForCompany(actor, row.companyId)) companies.push(row);
    }
    return {
      kind: invitation.kind,
      expiresAt: invitation.expiresAt?.toISOString() ?? null,
      network: {
        id: network.id,
        name: network.name,
        slug: network.slug,
        logoUrl: fileUrl(network.logoFileId),
        visibility: network.visibility,
      },
      forYou,
      companies,
    };
  }

  async accept(actor: Actor, dto: AcceptNetworkInvitationDto): Promise<NetworkView> {
    // Decided before the transaction (inside it, only its own connection may be used: PGlite).
    await this.access.assert(this.access.canActForCompany(actor, dto.companyId));
    const email = await this.emailOf(actor);
    const networkId = await this.networks.write(async (tx) => {
      const invitation = await tx.findOne(NetworkInvitation, {
        where: { tokenHash: hashToken(dto.token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!usable(invitation) || (invitation.kind === 'email' && invitation.email !== email)) throw invalidToken();
      const key = { networkId: invitation.networkId, companyId: dto.companyId };
      const existing = await tx.findOne(Membership, { where: key, lock: { mode: 'pessimistic_write' } });
      if (existing?.status === 'active') throw AppException.conflict('ALREADY_MEMBER', 'This company is already a member');
      if (existing?.status === 'banned') throw AppException.forbidden('This company is banned from the network');
      await this.networks.transition(tx, actor, key, existing, invitation.kind === 'email' ? 'accept_invitation' : 'join_by_link', {
        status: 'active',
      });
      await tx.increment(NetworkInvitation, { id: invitation.id }, 'uses', 1);
      return invitation.networkId;
    });
    return this.networks.get(actor, networkId);
  }

  private async assertMayInvite(actor: Actor, id: string): Promise<void> {
    const standing = await this.networks.visibleStanding(actor, id);
    await this.access.assert(this.access.canInviteToNetwork(standing));
  }

  private async emailOf(actor: Actor): Promise<string> {
    return (await this.db.manager.findOneByOrFail(Person, { id: actor.personId })).email;
  }

  private link(token: string): string {
    return new URL(`${ACCEPT_PATH}?token=${token}`, this.config.PUBLIC_URL).toString();
  }

  private toView(i: NetworkInvitation): InvitationView {
    return {
      id: i.id,
      kind: i.kind,
      email: i.email,
      expiresAt: i.expiresAt?.toISOString() ?? null,
      maxUses: i.maxUses,
      uses: i.uses,
      createdById: i.createdById,
      createdAt: i.createdAt.toISOString(),
    };
  }
}
