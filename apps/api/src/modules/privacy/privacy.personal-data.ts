import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonalDataProvider, PersonalDataSection } from '../../core/privacy/personal-data.registry';
import { FilesService } from '../../core/storage/files.service';
import { Consent } from './entities/consent.entity';
import { DataExport } from './entities/data-export.entity';
import { PrivacySettingsRow } from './entities/privacy-settings.entity';
import { DEFAULT_PRIVACY, PrivacyService } from './privacy.service';

/** The privacy module's own part: consents, privacy settings; erasure hides the row everywhere and drops old exports. */
@Injectable()
export class PrivacyPersonalData implements PersonalDataProvider {
  readonly name = 'confidentialite';
  private readonly orphanFiles = new Map<string, string[]>();

  constructor(
    private readonly db: DataSource,
    private readonly privacy: PrivacyService,
    private readonly files: FilesService,
  ) {}

  async exportFor(personId: string): Promise<PersonalDataSection> {
    const consents = await this.db.manager.find(Consent, { where: { personId }, order: { acceptedAt: 'ASC' } });
    const settings = await this.db.manager.findOneBy(PrivacySettingsRow, { personId });
    const rows = consents.map((c) => ({ document: c.kind, version: c.version, acceptedAt: c.acceptedAt.toISOString() }));
    const {
      personId: _omit,
      person: _person,
      updatedAt: _updated,
      ...chosen
    } = settings ?? { ...DEFAULT_PRIVACY, personId, person: undefined, updatedAt: null };
    return { json: { consents: rows, privacySettings: chosen }, csv: { consentements: rows } };
  }

  async erase(personId: string, tx: EntityManager): Promise<void> {
    await this.privacy.hideEverywhere(tx, personId);
    const exports = await tx.find(DataExport, { where: { personId } });
    this.orphanFiles.set(
      personId,
      exports.flatMap((e) => (e.fileId ? [e.fileId] : [])),
    );
    await tx.delete(DataExport, { personId });
  }

  async afterErase(personId: string): Promise<void> {
    for (const id of this.orphanFiles.get(personId) ?? []) await this.files.remove(id);
    this.orphanFiles.delete(personId);
  }
}
