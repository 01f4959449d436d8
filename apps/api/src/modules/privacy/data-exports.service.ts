import { Inject, Injectable, Logger } from '@nestjs/common';
import { type FileToSend } from '../../core/storage/upload-source';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { DataSource } from 'typeorm';
import type { DataExportView, Locale } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { JobRunner } from '../../core/jobs/job-runner';
import { MailService } from '../../core/mail/mail.service';
import { PersonalDataRegistry } from '../../core/privacy/personal-data.registry';
import { FilesService } from '../../core/storage/files.service';
import { toCsv } from '../../core/csv/csv';
import { hashToken, newToken } from '../../core/auth/tokens';
import { DataExport } from './entities/data-export.entity';
import { PrivacyAuditService } from './privacy-audit.service';
import { dataExportReadyMail } from './privacy.mail-templates';

/** How long a ready export can be downloaded. */
export const EXPORT_TTL_DAYS = 7;
const LEASE_MINUTES = 10;
const MAX_ATTEMPTS = 3;
const EXPIRE_TICK_MS = 10 * 60_000;

/**
 * Data exports ("export my data"): a request is a row; a background worker (any replica, `FOR UPDATE SKIP LOCKED`
 * with a lease) asks every personal data provider for its section, zips readable JSON, CSV and the person's files,
 * stores the ZIP as a private file and mails a link that expires. Only the person (or the admin who asked for them)
 * may download it, signed in and holding the link's token.
 */
@Injectable()
export class DataExportsService {
  private readonly logger = new Logger('DataExports');

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly registry: PersonalDataRegistry,
    private readonly files: FilesService,
    private readonly mail: MailService,
    private readonly audit: PrivacyAuditService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A build is a queued job: a replica that dies while building leaves it to another once its lease lapses.
    jobs.handle<{ exportId: string }>({
      name: 'privacy.export',
      maxAttempts: MAX_ATTEMPTS,
      backoffMs: 10_000,
      leaseMs: LEASE_MINUTES * 60_000,
      run: ({ exportId }, { last }) => this.buildJob(exportId, last),
    });
    // Tests expire exports by calling expire themselves.
    jobs.every({
      name: 'privacy.exports-expiry',
      everyMs: config.NODE_ENV === 'test' ? 0 : EXPIRE_TICK_MS,
      run: () => this.expire().then(() => undefined),
    });
  }

  /** A new export of the actor's own data (an export already under way is returned instead). */
  async request(actor: Actor, subjectId = actor.personId): Promise<DataExportView> {
    if (subjectId !== actor.personId && !this.access.isPlatformAdmin(actor)) throw AppException.notFound('Person');
    const row = await this.db.transaction(async (tx) => {
      const exists: { erased_at: Date | null }[] = await tx.query('SELECT erased_at FROM people WHERE id = $1', [subjectId]);
      if (!exists.length || exists[0].erased_at) throw AppException.notFound('Person');
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`export:${subjectId}`]);
      const current = await tx.findOne(DataExport, {
        where: [
          { personId: subjectId, status: 'pending' },
          { personId: subjectId, status: 'running' },
        ],
      });
      if (current) return current;
      const created = await tx.save(tx.create(DataExport, { personId: subjectId, requestedById: actor.personId }));
      if (subjectId !== actor.personId) await this.audit.record(tx, actor, 'user.export', subjectId, { exportId: created.id });
      await this.jobs.enqueue(tx, 'privacy.export', { exportId: created.id });
      return created;
    });
    this.jobs.kickQueue();
    return this.toView(row);
  }

  async list(actor: Actor): Promise<DataExportView[]> {
    const rows = await this.db.manager.find(DataExport, {
      where: { requestedById: actor.personId },
      order: { createdAt: 'DESC' },
      take: 10,
    });
    return rows.map((r) => this.toView(r));
  }

  async get(actor: Actor, id: string): Promise<DataExportView> {
    const row = await this.db.manager.findOneBy(DataExport, { id });
    if (!row || row.requestedById !== actor.personId) throw AppException.notFound('Export');
    return this.toView(row);
  }

  /**
   * The ZIP, for the signed-in person who asked, before it expires. The e-mailed link carries a token, checked when
   * present; the in-app link relies on the session alone.
   */
  async download(actor: Actor, id: string, token: string | undefined): Promise<FileToSend> {
    const row = await this.db.manager.findOneBy(DataExport, { id });
    // Somebody else's export, or a wrong token, answers like a missing one.
    if (!row || row.requestedById !== actor.personId || (token !== undefined && row.tokenHash !== hashToken(token)))
      throw AppException.notFound('Export');
    if (!row.fileId || !row.expiresAt || row.expiresAt.getTime() <= Date.now()) {
      throw new AppException(410, 'EXPORT_EXPIRED', 'This export has expired: ask for a new one');
    }
    const file = await this.files.find(row.fileId);
    if (!file) throw new AppException(410, 'EXPORT_EXPIRED', 'This export has expired: ask for a new one');
    return { file };
  }

  /** One attempt at building an export (its queued job); the last failed attempt marks it failed. */
  private async buildJob(id: string, last: boolean): Promise<void> {
    const [claimed]: [unknown[]] = await this.db.query(
      `UPDATE data_exports SET status = 'running', attempts = attempts + 1, progress = 0, lease_until = now() + make_interval(mins => $2)
       WHERE id = $1 AND status IN ('pending', 'running') RETURNING id`,
      [id, LEASE_MINUTES],
    );
    if (!claimed.length) return;
    try {
      await this.build(id);
    } catch (error) {
      this.logger.error(`Export ${id} failed: ${(error as Error).message}`);
      await this.db.query(`UPDATE data_exports SET status = $2, lease_until = NULL WHERE id = $1`, [id, last ? 'failed' : 'pending']);
      throw error;
    }
  }

  /** Expired exports lose their file; returns how many expired. */
  async expire(): Promise<number> {
    const [expired]: [{ file_id: string | null }[]] = await this.db.query(
      `WITH old AS (SELECT id, file_id FROM data_exports WHERE status = 'ready' AND expires_at <= now() FOR UPDATE SKIP LOCKED)
       UPDATE data_exports d SET status = 'expired', file_id = NULL, token_hash = NULL FROM old WHERE d.id = old.id RETURNING old.file_id`,
    );
    for (const row of expired) await this.files.remove(row.file_id);
    return expired.length;
  }

  private async build(id: string): Promise<void> {
    const row = await this.db.manager.findOneByOrFail(DataExport, { id });
    const providers = this.registry.all();
    const zip: Zippable = {};
    const readme: string[] = [];
    for (const [index, provider] of providers.entries()) {
      const section = await provider.exportFor(row.personId);
      if (section) {
        const folder: Zippable = {};
        folder[`${provider.name}.json`] = strToU8(JSON.stringify(section.json, null, 2));
        for (const [name, rows] of Object.entries(section.csv ?? {})) {
          if (!rows.length) continue;
          const headers = Object.keys(rows[0]);
          folder[`${name}.csv`] = strToU8(
            toCsv([headers, ...rows.map((r) => headers.map((h) => (r[h] === null || r[h] === undefined ? null : String(r[h]))))]),
          );
        }
        const used = new Set<string>();
        for (const ref of section.files ?? []) {
          const file = await this.files.find(ref.fileId);
          if (!file) continue;
          // A name without extension takes the stored file's name (a photo: "photo-portrait.jpg").
          const wanted = ref.name.includes('.') ? ref.name : `${ref.name}-${file.originalName}`;
          let name = wanted.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
          for (let n = 2; used.has(name); n++) name = `${n}-${wanted}`;
          used.add(name);
          ((folder.fichiers ??= {}) as Zippable)[name] = new Uint8Array(await this.files.readBytes(file));
        }
        zip[provider.name] = folder;
        readme.push(`- ${provider.name}/`);
      }
      await this.db.query('UPDATE data_exports SET progress = $2, lease_until = now() + make_interval(mins => $3) WHERE id = $1', [
        id,
        Math.round(((index + 1) / providers.length) * 95),
        LEASE_MINUTES,
      ]);
    }
    zip['LISEZ-MOI.txt'] = strToU8(
      `Export de vos données Maillage, ${new Date().toISOString()}\n\nChaque dossier correspond à une partie de la plateforme : un fichier JSON lisible, des CSV pour les tableaux et vos fichiers.\n\n${readme.join('\n')}\n`,
    );
    const data = Buffer.from(zipSync(zip, { level: 6 }));
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + EXPORT_TTL_DAYS * 86400_000);
    const requester: { email: string; locale: Locale }[] = await this.db.query('SELECT email, locale FROM people WHERE id = $1', [
      row.requestedById ?? row.personId,
    ]);
    await this.db.transaction(async (tx) => {
      const file = await this.files.storeTyped(
        { data, filename: `maillage-donnees-${id.slice(0, 8)}.zip` },
        { mime: 'application/zip', extension: 'zip' },
        { isPublic: false, uploadedById: row.personId },
        tx,
      );
      await tx.update(DataExport, id, { status: 'ready', progress: 100, fileId: file.id, tokenHash: hash, expiresAt, leaseUntil: null });
      if (requester[0]) {
        const expires = new Intl.DateTimeFormat(requester[0].locale === 'en' ? 'en-GB' : 'fr-FR', {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'Europe/Paris',
        }).format(expiresAt);
        await this.mail.send(
          {
            to: requester[0].email,
            locale: requester[0].locale,
            template: dataExportReadyMail,
            data: { link: this.link(`/compte/confidentialite?export=${id}&token=${token}`), expires },
          },
          tx,
        );
      }
    });
  }

  private toView(row: DataExport): DataExportView {
    const expired = row.status === 'ready' && row.expiresAt !== null && row.expiresAt.getTime() <= Date.now();
    return {
      id: row.id,
      status: expired ? 'expired' : row.status,
      progress: row.progress,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      downloadUrl: row.status === 'ready' && !expired ? `/api/v1/privacy/exports/${row.id}/download` : null,
    };
  }

  private link(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).toString();
  }
}
