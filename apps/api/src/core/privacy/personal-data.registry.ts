import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A file to put in a person's data export (their uploads), read by the storage service when the ZIP is built. */
export interface ExportedFileRef {
  fileId: string;
  /** Folder-relative name in the ZIP (made unique by the builder). */
  name: string;
}

/** One module's part of a person's data export: readable JSON, tables as CSV, and the files they uploaded. */
export interface PersonalDataSection {
  json: Record<string, unknown>;
  /** Tabular data, one CSV file per key (the same rows as in the JSON, for spreadsheets). */
  csv?: Record<string, Record<string, string | number | boolean | null>[]>;
  files?: ExportedFileRef[];
}

export interface ErasureOptions {
  /** The person chose to delete their forum posts rather than leave them signed "Ancien membre". */
  deleteForumPosts: boolean;
  /** The person's e-mail and name before erasure (what outboxes and caches are purged of). */
  email: string;
  fullName: string;
}

/**
 * What a module holds about a person: it exports it and erases it itself, since it alone owns its tables
 * (see modules/privacy/README.md).
 */
export interface PersonalDataProvider {
  /** The section's name in the export (a folder of the ZIP). */
  readonly name: string;
  exportFor(personId: string): Promise<PersonalDataSection | null>;
  /** Refuses an erasure that would leave something without an owner (throws a 409 AppException). */
  assertErasable?(personId: string, db: EntityManager): Promise<void>;
  /** Erases or anonymises what the module holds, inside the erasure's transaction. */
  erase(personId: string, tx: EntityManager, options: ErasureOptions): Promise<void>;
  /** Work after commit (files in storage, sockets, caches). */
  afterErase?(personId: string): Promise<void>;
}

/** Consents given with a sign-up form, handed to whoever records them. */
export interface SignupConsents {
  terms: number;
  privacy: number;
}
type SignupListener = (tx: EntityManager, personId: string, consents: SignupConsents) => Promise<void>;

/**
 * The registry of personal data providers: each module registers its provider in onModuleInit; the privacy
 * module asks them all to build an export or to erase a person. Core holds it so that no module imports another.
 */
@Injectable()
export class PersonalDataRegistry {
  private readonly providers: PersonalDataProvider[] = [];
  private readonly signupListeners: SignupListener[] = [];
  private consentCheck: ((personId: string) => Promise<boolean>) | null = null;

  register(provider: PersonalDataProvider): void {
    if (this.providers.some((p) => p.name === provider.name)) throw new Error(`Personal data provider ${provider.name} registered twice`);
    this.providers.push(provider);
  }

  all(): readonly PersonalDataProvider[] {
    return this.providers;
  }

  /** Sign-up records consents through the module that owns them (identity does not know it). */
  onSignup(listener: SignupListener): void {
    this.signupListeners.push(listener);
  }

  /** Whether the person must accept newer legal texts (answered by the module that owns consents). */
  setConsentCheck(check: (personId: string) => Promise<boolean>): void {
    this.consentCheck = check;
  }

  consentRequired(personId: string): Promise<boolean> {
    return this.consentCheck ? this.consentCheck(personId) : Promise.resolve(false);
  }

  async signedUp(tx: EntityManager, personId: string, consents: SignupConsents): Promise<void> {
    for (const listener of this.signupListeners) await listener(tx, personId, consents);
  }
}

@Global()
@Module({ providers: [PersonalDataRegistry], exports: [PersonalDataRegistry] })
export class PersonalDataModule {}
