import { Injectable } from '@nestjs/common';
import { DataSource, ILike, type FindOptionsWhere, IsNull } from 'typeorm';
import type { AdminUser, OutboxMail as MailView, Page, PlatformRole } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import type { ListQueryDto } from '../../core/http/query.dto';
import { OutboxMail } from '../../core/mail/entities/outbox-mail.entity';
import { MailService, type ComposedMail } from '../../core/mail/mail.service';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { Person } from '../identity/entities/person.entity';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class AdminService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly realtime: RealtimeService,
    private readonly outbox: MailService,
  ) {}

  async mails(actor: Actor, query: ListQueryDto): Promise<Page<MailView>> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    const where: FindOptionsWhere<OutboxMail>[] = query.q
      ? [{ to: ILike(`%${escapeLike(query.q)}%`) }, { subject: ILike(`%${escapeLike(query.q)}%`) }]
      : [{}];
    const [rows, total] = await this.db.manager.findAndCount(OutboxMail, {
      where,
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const composed = await this.outbox.composed(rows.map((r) => r.id));
    return { items: rows.map((row, i) => toMailView(row, composed[i])), total, page: query.page, pageSize: query.pageSize };
  }

  async mail(actor: Actor, id: string): Promise<MailView> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    const row = await this.db.manager.findOneBy(OutboxMail, { id });
    if (!row) throw AppException.notFound('Mail');
    const [composed] = await this.outbox.composed([row.id]);
    return toMailView(row, composed);
  }

  async users(actor: Actor, query: ListQueryDto): Promise<Page<AdminUser>> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
    const where: FindOptionsWhere<Person>[] = pattern
      ? [
          { email: ILike(pattern), erasedAt: IsNull() },
          { lastName: ILike(pattern), erasedAt: IsNull() },
          { firstName: ILike(pattern), erasedAt: IsNull() },
        ]
      : [{ erasedAt: IsNull() }];
    const [rows, total] = await this.db.manager.findAndCount(Person, {
      where,
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const items = rows.map((p) => ({
      id: p.id,
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      platformRole: p.platformRole,
      emailVerified: p.emailVerifiedAt !== null,
      createdAt: p.createdAt.toISOString(),
      suspended: p.suspendedAt !== null,
    }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async setRole(actor: Actor, id: string, platformRole: PlatformRole): Promise<void> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    if (id === actor.personId && platformRole !== 'admin') {
      throw AppException.conflict('SELF_DEMOTION', 'You cannot remove your own admin role');
    }
    const result = await this.db.manager.update(Person, id, { platformRole });
    if (!result.affected) throw AppException.notFound('Person');
    // Sockets carry the identity read at their handshake: they reconnect with the new role.
    this.realtime.disconnectPerson(id);
  }
}

/** A row and its text and HTML as delivered (a shared body filled in). */
function toMailView(m: OutboxMail, composed: Pick<ComposedMail, 'text' | 'html'> | undefined): MailView {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    text: composed?.text ?? m.text ?? '',
    html: composed?.html ?? m.html ?? '',
    template: m.template,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}
