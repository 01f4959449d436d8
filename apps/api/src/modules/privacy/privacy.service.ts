import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConsentStatus, LegalDocument as LegalDocumentView, LegalDocumentKind, PrivacySettings } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { renderMarkdown } from '../../core/markdown';
import type { SignupConsents } from '../../core/privacy/personal-data.registry';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import type { AcceptConsentsDto, UpdatePrivacySettingsDto } from './dto/privacy.dto';
import { Consent } from './entities/consent.entity';
import { LegalDocument } from './entities/legal-document.entity';
import { PrivacySettingsRow } from './entities/privacy-settings.entity';
import { PrivacyAuditService } from './privacy-audit.service';

export const DEFAULT_PRIVACY: PrivacySettings = {
  profileVisibility: 'everyone',
  emailVisibility: 'networks',
  phoneVisibility: 'networks',
  inContactsSearch: true,
  inPublicMemberLists: true,
};

/** Privacy settings, legal texts (versioned Markdown) and the consents given to them. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly search: SearchIndexer,
    private readonly audit: PrivacyAuditService,
  ) {}

  async settings(actor: Actor): Promise<PrivacySettings> {
    const row = await this.db.manager.findOneBy(PrivacySettingsRow, { personId: actor.personId });
    return row ? toSettings(row) : { ...DEFAULT_PRIVACY };
  }

  async updateSettings(actor: Actor, dto: UpdatePrivacySettingsDto): Promise<PrivacySettings> {
    await this.db.transaction(async (tx) => {
      const current = (await tx.findOneBy(PrivacySettingsRow, { personId: actor.personId })) ?? { ...DEFAULT_PRIVACY };
      await tx.upsert(PrivacySettingsRow, { ...toSettings(current), ...dto, personId: actor.personId }, ['personId']);
      // The expert directory follows (a privacy change goes first in the outbox).
      await this.search.enqueue(tx, 'expert', [actor.personId], { priority: 0 });
    });
    return this.settings(actor);
  }

  /** An erased account: shown as "Ancien membre" to signed-in readers only, never listed nor contacted. */
  async hideEverywhere(tx: EntityManager, personId: string): Promise<void> {
    await tx.upsert(
      PrivacySettingsRow,
      {
        personId,
        profileVisibility: 'signed_in',
        emailVisibility: 'nobody',
        phoneVisibility: 'nobody',
        inContactsSearch: false,
        inPublicMemberLists: false,
      },
      ['personId'],
    );
  }

  // ---- legal texts and consents ----

  async current(kind: LegalDocumentKind, db: Pick<EntityManager, 'findOne'> = this.db.manager): Promise<LegalDocument | null> {
    return db.findOne(LegalDocument, { where: { kind }, order: { version: 'DESC' } });
  }

  async legal(kind: LegalDocumentKind): Promise<LegalDocumentView> {
    const doc = await this.current(kind);
    if (!doc) throw AppException.notFound('Legal document');
    return toLegalView(doc);
  }

  async currentVersions(): Promise<{ kind: LegalDocumentKind; version: number }[]> {
    const rows: { kind: LegalDocumentKind; version: number }[] = await this.db.query(
      'SELECT kind, max(version)::int AS version FROM legal_documents GROUP BY kind ORDER BY kind',
    );
    return rows;
  }

  /** A new version: everyone is asked again at their next visit. */
  async publish(actor: Actor, kind: LegalDocumentKind, body: string): Promise<LegalDocumentView> {
    if (!this.access.isPlatformAdmin(actor)) throw AppException.forbidden();
    const doc = await this.db.transaction(async (tx) => {
      // One publisher at a time per kind: the next version number is read under the lock.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`legal:${kind}`]);
      const previous = await this.current(kind, tx);
      const saved = await tx.save(
        tx.create(LegalDocument, { kind, version: (previous?.version ?? 0) + 1, body, publishedById: actor.personId }),
      );
      await this.audit.record(tx, actor, 'legal.publish', null, { kind, version: saved.version });
      return saved;
    });
    return toLegalView(doc);
  }

  async consentStatus(actor: Actor): Promise<ConsentStatus> {
    const history = await this.db.manager.find(Consent, { where: { personId: actor.personId }, order: { acceptedAt: 'DESC' } });
    const current = await this.currentVersions();
    return {
      current: current.map((c) => ({ ...c, accepted: history.some((h) => h.kind === c.kind && h.version === c.version) })),
      history: history.map((h) => ({ kind: h.kind, version: h.version, acceptedAt: h.acceptedAt.toISOString() })),
    };
  }

  /** The person accepts the current versions (the ones they were shown: an outdated form gets a 409). */
  async accept(actor: Actor, dto: AcceptConsentsDto): Promise<ConsentStatus> {
    await this.db.transaction((tx) => this.record(tx, actor.personId, dto, true));
    return this.consentStatus(actor);
  }

  async recordAtSignup(tx: EntityManager, personId: string, consents: SignupConsents): Promise<void> {
    // A form shown before a new version was published: the person will be asked again at sign-in.
    await this.record(tx, personId, consents, false);
  }

  private async record(tx: EntityManager, personId: string, consents: SignupConsents, strict: boolean): Promise<void> {
    for (const kind of ['terms', 'privacy'] as const) {
      const doc = await this.current(kind, tx);
      if (!doc) continue;
      if (doc.version !== consents[kind]) {
        if (strict)
          throw AppException.conflict('CONSENT_OUTDATED', `A newer version of the ${kind} was published: read it again`, {
            kind,
            version: doc.version,
          });
        continue;
      }
      await tx.createQueryBuilder().insert().into(Consent).values({ personId, kind, version: doc.version }).orIgnore().execute();
    }
  }

  async consentRequired(personId: string): Promise<boolean> {
    const rows: { missing: boolean }[] = await this.db.query(
      `SELECT EXISTS (
         SELECT 1 FROM (SELECT kind, max(version) AS version FROM legal_documents GROUP BY kind) cur
         WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = $1 AND c.kind = cur.kind AND c.version = cur.version)) AS missing`,
      [personId],
    );
    return rows[0]?.missing ?? false;
  }
}

function toSettings(row: PrivacySettings): PrivacySettings {
  return {
    profileVisibility: row.profileVisibility,
    emailVisibility: row.emailVisibility,
    phoneVisibility: row.phoneVisibility,
    inContactsSearch: row.inContactsSearch,
    inPublicMemberLists: row.inPublicMemberLists,
  };
}

function toLegalView(doc: LegalDocument): LegalDocumentView {
  return {
    kind: doc.kind,
    version: doc.version,
    body: doc.body,
    html: renderMarkdown(doc.body),
    publishedAt: doc.publishedAt.toISOString(),
  };
}
