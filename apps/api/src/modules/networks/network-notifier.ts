import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotifyInput } from '../notifications/notifications.types';

/**
 * Membership notifications, through the notification service (in-app, e-mail per the recipients'
 * preferences), sent after the change is committed. The one place that decides who is told what;
 * the notification service re-checks every recipient against the access policy just before writing
 * (managers for a request, people who may see the network for a decision): someone who may not see
 * the network gets nothing.
 */
@Injectable()
export class NetworkNotifier {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly notifications: NotificationsService,
  ) {}

  /** A company asked to join (approval policy): the people who may decide on it (animators, host staff). */
  async membershipRequested(actor: Actor, networkId: string, companyId: string): Promise<void> {
    await this.notify(actor, networkId, companyId, await this.access.networkManagerIds(networkId), {
      type: 'network.membership_request',
      path: `/reseaux/${networkId}/membres`,
    });
  }

  /** A request was decided: the company's owners and admins. */
  async membershipDecided(actor: Actor, networkId: string, companyId: string, decision: 'approved' | 'rejected'): Promise<void> {
    await this.notify(actor, networkId, companyId, await this.access.companyRepresentativeIds(companyId), {
      type: 'network.membership_decision',
      path: decision === 'approved' ? `/reseaux/${networkId}` : '/reseaux',
      decision,
    });
  }

  /** A company was invited (picked from the directory): its owners and admins, who accept from the network's page. */
  async invited(actor: Actor, networkId: string, companyId: string): Promise<void> {
    await this.notify(actor, networkId, companyId, await this.access.companyRepresentativeIds(companyId), {
      type: 'network.invitation',
      path: `/reseaux/${networkId}`,
    });
  }

  /** A network asked to join a federation: the people who may decide on it (the federation's animators, host staff). */
  async federationRequested(actor: Actor, parentId: string, childId: string): Promise<void> {
    const [names]: { network: string; child: string }[] = await this.db.query(
      'SELECT p.name AS network, c.name AS child FROM networks p, networks c WHERE p.id = $1 AND c.id = $2',
      [parentId, childId],
    );
    if (!names) return;
    await this.notifications.notify(null, {
      type: 'network.federation_request',
      recipients: await this.access.networkManagerIds(parentId),
      actorId: actor.personId,
      subject: { kind: 'network_federation', id: childId, networkId: parentId },
      data: { ...names, childId },
      path: `/reseaux/${parentId}/reseaux`,
    });
  }

  /** Never fails the request that triggered it (the change is already committed): notify(null, …) logs its errors. */
  private async notify(
    actor: Actor,
    networkId: string,
    companyId: string,
    recipients: string[],
    event: { type: NotifyInput['type']; path: string; decision?: 'approved' | 'rejected' },
  ): Promise<void> {
    const [names]: { network: string; company: string }[] = await this.db.query(
      `SELECT n.name AS network, coalesce(c.trade_name, c.legal_name) AS company FROM networks n, companies c WHERE n.id = $1 AND c.id = $2`,
      [networkId, companyId],
    );
    if (!names) return;
    await this.notifications.notify(null, {
      type: event.type,
      recipients,
      actorId: actor.personId,
      subject: { kind: 'network_membership', id: companyId, networkId },
      data: { ...names, companyId, ...(event.decision ? { decision: event.decision } : {}) },
      path: event.path,
    });
  }
}
