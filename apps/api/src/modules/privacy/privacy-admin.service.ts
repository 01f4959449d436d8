import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RetentionSettings } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { JobRunner } from '../../core/jobs/job-runner';
import { MailService } from '../../core/mail/mail.service';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { SessionService } from '../identity/session.service';
import { RetentionSettingsRow } from './entities/retention-settings.entity';
import { PrivacyAuditService } from './privacy-audit.service';

const PURGE_MS = 6 * 3600 * 1000;
const DEFAULT_RETENTION: RetentionSettings = { outboxDays: 90, endedSessionsDays: 30 };

/** Platform admins' account actions (suspend, reactivate), retention settings and the background purge they drive. */
@Injectable()
export class PrivacyAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: PrivacyAuditService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly realtime: RealtimeService,
    jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Tests run the purge themselves.
    jobs.every({
      name: 'privacy.purge',
      everyMs: config.NODE_ENV === 'test' ? 0 : PURGE_MS,
      run: () => this.purge().then(() => undefined),
    });
  }

  assertAdmin(actor: Actor): void {
    if (!this.access.isPlatformAdmin(actor)) throw AppException.forbidden();
  }

  /** A suspended person cannot sign in; their sessions end at once (sockets included). */
  async setSuspended(actor: Actor, personId: string, suspended: boolean): Promise<void> {
    this.assertAdmin(actor);
    if (personId === actor.personId) throw AppException.badRequest('CANNOT_SUSPEND_SELF', 'You cannot suspend your own account');
    await this.db.transaction(async (tx) => {
      const rows: { suspended_at: Date | null }[] = await tx.query(
        'SELECT suspended_at FROM people WHERE id = $1 AND erased_at IS NULL FOR UPDATE',
        [personId],
      );
      if (!rows.length) throw AppException.notFound('Person');
      if ((rows[0].suspended_at !== null) === suspended) return;
      await tx.query('UPDATE people SET suspended_at = $2 WHERE id = $1', [personId, suspended ? new Date() : null]);
      await this.audit.record(tx, actor, suspended ? 'user.suspend' : 'user.reactivate', personId);
    });
    if (suspended) await this.sessions.revokeAll(personId);
    else this.realtime.sessionsEnded({ personId });
  }

  async retention(actor: Actor): Promise<RetentionSettings> {
    this.assertAdmin(actor);
    return this.currentRetention();
  }

  async setRetention(actor: Actor, settings: RetentionSettings): Promise<RetentionSettings> {
    this.assertAdmin(actor);
    await this.db.transaction(async (tx) => {
      await tx.upsert(RetentionSettingsRow, { id: 1, outboxDays: settings.outboxDays, endedSessionsDays: settings.endedSessionsDays }, [
        'id',
      ]);
      await this.audit.record(tx, actor, 'retention.update', null, { ...settings });
    });
    return this.currentRetention();
  }

  private async currentRetention(): Promise<RetentionSettings> {
    const row = await this.db.manager.findOneBy(RetentionSettingsRow, { id: 1 });
    return row ? { outboxDays: row.outboxDays, endedSessionsDays: row.endedSessionsDays } : { ...DEFAULT_RETENTION };
  }

  /** Deletes the outbox e-mails and the ended sessions older than the retention settings (safe on every replica). */
  async purge(): Promise<{ mails: number; sessions: number }> {
    const retention = await this.currentRetention();
    return {
      mails: await this.mail.purgeOlderThan(retention.outboxDays),
      sessions: await this.sessions.purgeEnded(retention.endedSessionsDays),
    };
  }
}
