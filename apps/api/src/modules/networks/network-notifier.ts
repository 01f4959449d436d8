import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale, PlatformRole } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { MailService } from '../../core/mail/mail.service';
import type { MailTemplate } from '../../core/mail/mail.types';
import { membershipApprovedMail, membershipRejectedMail, membershipRequestMail } from './networks.mail-templates';

interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  platform_role: PlatformRole;
}

/**
 * Membership notifications, by e-mail, sent after the change is committed. The one place that
 * decides who is told what (issue 5 will route these calls through the notification service and
 * its preferences). Every recipient is checked against the access policy just before the mail is
 * written: someone who may not see the network (or decide on the request) gets nothing.
 */
@Injectable()
export class NetworkNotifier {
  private readonly logger = new Logger('NetworkNotifier');

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A company asked to join (approval policy): the people who may decide on it. */
  async membershipRequested(actor: Actor, networkId: string, companyId: string): Promise<void> {
    await this.notify(
      actor,
      networkId,
      companyId,
      await this.access.networkManagerIds(networkId),
      (s) => this.access.canManageNetwork(s),
      membershipRequestMail,
      `/reseaux/${networkId}/membres`,
    );
  }

  /** A request was decided: the company's owners and admins. */
  async membershipDecided(actor: Actor, networkId: string, companyId: string, decision: 'approved' | 'rejected'): Promise<void> {
    await this.notify(
      actor,
      networkId,
      companyId,
      await this.access.companyRepresentativeIds(companyId),
      (s) => this.access.canSeeNetwork(s),
      decision === 'approved' ? membershipApprovedMail : membershipRejectedMail,
      decision === 'approved' ? `/reseaux/${networkId}` : '/reseaux',
    );
  }

  /** Never fails the request that triggered it (the change is already committed): errors are logged. */
  private async notify(
    actor: Actor,
    networkId: string,
    companyId: string,
    personIds: string[],
    mayKnow: (standing: NetworkStanding) => boolean,
    template: MailTemplate,
    path: string,
  ): Promise<void> {
    try {
      const ids = personIds.filter((id) => id !== actor.personId);
      if (!ids.length) return;
      const [names]: { network: string; company: string }[] = await this.db.query(
        `SELECT n.name AS network, coalesce(c.trade_name, c.legal_name) AS company FROM networks n, companies c WHERE n.id = $1 AND c.id = $2`,
        [networkId, companyId],
      );
      if (!names) return;
      const people: Recipient[] = await this.db.query('SELECT id, email, locale, platform_role FROM people WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]);
      for (const person of people) {
        const standing = await this.access.networkStanding({ personId: person.id, platformRole: person.platform_role }, networkId);
        if (!standing || !mayKnow(standing)) continue;
        await this.mail.send({
          to: person.email,
          locale: person.locale,
          template,
          data: { ...names, link: new URL(path, this.config.PUBLIC_URL).toString() },
        });
      }
    } catch (error) {
      this.logger.error(`Membership notification failed for network ${networkId}: ${(error as Error).message}`);
    }
  }
}
