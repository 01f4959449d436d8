import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type PersonalDataProvider, type PersonalDataSection, PersonalDataRegistry } from '../../core/privacy/personal-data.registry';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FilesService } from '../../core/storage/files.service';

/** The name an erased person's row shows wherever they wrote. */
export const FORMER_MEMBER = { firstName: 'Ancien', lastName: 'membre' } as const;

/**
 * The account and profile (table people), sessions, sign-in devices, tokens and second factors. Erasure anonymises the row (it stays
 * for what the person wrote in shared spaces, shown as "Ancien membre") and ends every session.
 */
@Injectable()
export class IdentityPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly name = 'compte';
  private readonly photos = new Map<string, string>();

  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly files: FilesService,
    private readonly search: SearchIndexer,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async exportFor(personId: string): Promise<PersonalDataSection | null> {
    const [p]: Record<string, unknown>[] = await this.db.query(
      `SELECT email, first_name, last_name, job_title, bio, phone, skills, languages, is_expert, expertise_domains, areas_served, locale,
              platform_role, email_verified_at, photo_file_id, created_at, updated_at FROM people WHERE id = $1`,
      [personId],
    );
    if (!p) return null;
    const sessions: Record<string, string | null>[] = (
      await this.db.query('SELECT created_at, expires_at, user_agent FROM sessions WHERE person_id = $1 ORDER BY created_at', [personId])
    ).map((s: { created_at: Date; expires_at: Date; user_agent: string | null }) => ({
      createdAt: s.created_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
      userAgent: s.user_agent,
    }));
    const devices: Record<string, string | null>[] = (
      await this.db.query('SELECT created_at, last_used_at, user_agent FROM known_devices WHERE person_id = $1 ORDER BY created_at', [
        personId,
      ])
    ).map((d: { created_at: Date; last_used_at: Date; user_agent: string | null }) => ({
      createdAt: d.created_at.toISOString(),
      lastUsedAt: d.last_used_at.toISOString(),
      userAgent: d.user_agent,
    }));
    const [twoFactor]: { created_at: Date; confirmed_at: Date | null }[] = await this.db.query(
      'SELECT created_at, confirmed_at FROM two_factor_credentials WHERE person_id = $1',
      [personId],
    );
    const { photo_file_id: photo, ...profile } = p;
    return {
      json: {
        profile,
        sessions,
        devices,
        twoFactorSignIn: twoFactor?.confirmed_at ? { since: twoFactor.confirmed_at.toISOString() } : null,
      },
      csv: { sessions, appareils: devices },
      files: typeof photo === 'string' ? [{ fileId: photo, name: 'photo' }] : [],
    };
  }

  async erase(personId: string, tx: EntityManager): Promise<void> {
    const [row]: { photo_file_id: string | null }[] = await tx.query('SELECT photo_file_id FROM people WHERE id = $1', [personId]);
    if (row?.photo_file_id) this.photos.set(personId, row.photo_file_id);
    await tx.query(
      `UPDATE people SET email = $2, password_hash = NULL, first_name = $3, last_name = $4, job_title = NULL, bio = NULL, phone = NULL,
              skills = '{}', languages = '{}', expertise_domains = '{}', areas_served = '{}', is_expert = false, photo_file_id = NULL,
              platform_role = 'user', erased_at = now(), session_generation = session_generation + 1
       WHERE id = $1`,
      // An address that cannot receive mail and keeps the unique index happy.
      [personId, `ancien-membre-${personId}@invalid.invalid`, FORMER_MEMBER.firstName, FORMER_MEMBER.lastName],
    );
    await tx.query('DELETE FROM sessions WHERE person_id = $1', [personId]);
    await tx.query('DELETE FROM auth_tokens WHERE person_id = $1', [personId]);
    await tx.query('DELETE FROM known_devices WHERE person_id = $1', [personId]);
    // Second factors go with the account: an erased person keeps no way to sign in.
    await tx.query('DELETE FROM two_factor_recovery_codes WHERE person_id = $1', [personId]);
    await tx.query('DELETE FROM two_factor_credentials WHERE person_id = $1', [personId]);
    // Deletions go first in the search outbox.
    await this.search.enqueue(tx, 'expert', [personId], { priority: 0 });
  }

  async afterErase(personId: string): Promise<void> {
    await this.files.remove(this.photos.get(personId) ?? null);
    this.photos.delete(personId);
  }
}
