import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FilesService } from '../../core/storage/files.service';
import { PasswordService } from '../identity/password.service';
import { ThrottleService } from '../identity/throttle.service';

/**
 * A company leaving the platform, by one of its owners who confirms with their password: the company, its people's
 * roles, offers and needs, invitations, claims, network memberships and opportunities go (foreign keys cascade); its
 * people keep their accounts. Search entries go first.
 */
@Injectable()
export class CompanyDepartureService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly passwords: PasswordService,
    private readonly throttle: ThrottleService,
    private readonly search: SearchIndexer,
    private readonly files: FilesService,
  ) {}

  async leave(actor: Actor, companyId: string, password: string): Promise<void> {
    const role = await this.access.companyRole(actor, companyId);
    if (role === null) throw AppException.notFound('Company');
    if (role !== 'owner') throw AppException.forbidden('Only the company’s owners may remove it from the platform');
    await this.throttle.consume({ key: `company-leave:${actor.personId}`, limit: 5, windowSeconds: 15 * 60 });
    const [me]: { password_hash: string | null }[] = await this.db.query('SELECT password_hash FROM people WHERE id = $1', [
      actor.personId,
    ]);
    if (!(await this.passwords.verify(me?.password_hash ?? null, password))) {
      throw AppException.badRequest('INVALID_CREDENTIALS', 'The password is incorrect', [
        { field: 'password', messages: ['is incorrect'] },
      ]);
    }
    const images = await this.db.transaction(async (tx) => {
      const rows: { logo_file_id: string | null; cover_file_id: string | null }[] = await tx.query(
        'SELECT logo_file_id, cover_file_id FROM companies WHERE id = $1 FOR UPDATE',
        [companyId],
      );
      if (!rows.length) throw AppException.notFound('Company');
      const people: { person_id: string }[] = await tx.query('SELECT person_id FROM company_members WHERE company_id = $1', [companyId]);
      await tx.query('DELETE FROM companies WHERE id = $1', [companyId]);
      await this.search.enqueue(tx, 'company', [companyId], { priority: 0 });
      // Experts' search entries list their companies.
      if (people.length)
        await this.search.enqueue(
          tx,
          'expert',
          people.map((p) => p.person_id),
          { priority: 0 },
        );
      return [rows[0].logo_file_id, rows[0].cover_file_id];
    });
    for (const file of images) await this.files.remove(file);
  }
}
