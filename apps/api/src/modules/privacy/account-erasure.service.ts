import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { MailService } from '../../core/mail/mail.service';
import { PersonalDataRegistry } from '../../core/privacy/personal-data.registry';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { PasswordService } from '../identity/password.service';
import { ThrottleService } from '../identity/throttle.service';
import { PrivacyAuditService } from './privacy-audit.service';

/**
 * Account deletion: every personal data provider first checks nothing would be left without an owner (409), then
 * erases what its module holds, all in one transaction; the person's row stays, anonymised as "Ancien membre", so
 * that what they wrote in shared spaces keeps its place.
 */
@Injectable()
export class AccountErasureService {
  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly passwords: PasswordService,
    private readonly mail: MailService,
    private readonly realtime: RealtimeService,
    private readonly audit: PrivacyAuditService,
    private readonly throttle: ThrottleService,
  ) {}

  /** The person deletes their own account, confirming with their password. */
  async deleteOwn(actor: Actor, password: string, deleteForumPosts: boolean): Promise<void> {
    const rows: { password_hash: string | null }[] = await this.db.query(
      'SELECT password_hash FROM people WHERE id = $1 AND erased_at IS NULL',
      [actor.personId],
    );
    if (!rows.length) throw AppException.unauthorized();
    // As for sign-in: a stolen session cannot guess the password at leisure.
    await this.throttle.consume({ key: `erase:acct:${actor.personId}`, limit: 5, windowSeconds: 15 * 60 });
    if (!(await this.passwords.verify(rows[0].password_hash, password))) {
      throw AppException.badRequest('INVALID_CREDENTIALS', 'The password is incorrect', [
        { field: 'password', messages: ['is incorrect'] },
      ]);
    }
    await this.erase(actor.personId, { deleteForumPosts, by: null });
  }

  /** A platform admin deletes an account (recorded in the audit log). */
  async deleteByAdmin(actor: Actor, personId: string, deleteForumPosts: boolean): Promise<void> {
    if (personId === actor.personId) throw AppException.badRequest('CANNOT_DELETE_SELF', 'Delete your own account from your privacy page');
    await this.erase(personId, { deleteForumPosts, by: actor });
  }

  private async erase(personId: string, options: { deleteForumPosts: boolean; by: Actor | null }): Promise<void> {
    const providers = this.registry.all();
    await this.db.transaction(async (tx) => {
      const people: { email: string; first_name: string; last_name: string; erased_at: Date | null }[] = await tx.query(
        'SELECT email, first_name, last_name, erased_at FROM people WHERE id = $1 FOR UPDATE',
        [personId],
      );
      const person = people[0];
      if (!person || person.erased_at) throw AppException.notFound('Person');
      for (const provider of providers) await provider.assertErasable?.(personId, tx);
      const erasure = {
        deleteForumPosts: options.deleteForumPosts,
        email: person.email,
        fullName: `${person.first_name} ${person.last_name}`,
      };
      for (const provider of providers) await provider.erase(personId, tx, erasure);
      await this.mail.purgePerson(erasure.email, erasure.fullName, tx);
      if (options.by) await this.audit.record(tx, options.by, 'user.delete', personId, { deleteForumPosts: options.deleteForumPosts });
    });
    this.realtime.disconnectPerson(personId);
    for (const provider of providers) await provider.afterErase?.(personId);
  }
}
