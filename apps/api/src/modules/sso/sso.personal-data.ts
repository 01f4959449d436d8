import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type PersonalDataProvider, type PersonalDataSection, PersonalDataRegistry } from '../../core/privacy/personal-data.registry';
import { OrganizationsService } from '../organizations/organizations.service';

/**
 * The links between a person and their organisations' identity providers (table sso_identities). Erasure removes them,
 * so that signing in again through the provider makes a new account instead of reopening the erased one.
 */
@Injectable()
export class SsoPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly name = 'connexion-organisation';

  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly organizations: OrganizationsService,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async exportFor(personId: string): Promise<PersonalDataSection | null> {
    const rows: { organization_id: string; subject: string; created_at: Date }[] = await this.db.query(
      'SELECT organization_id, subject, created_at FROM sso_identities WHERE person_id = $1 ORDER BY created_at',
      [personId],
    );
    if (rows.length === 0) return null;
    const links = await Promise.all(
      rows.map(async (r) => ({
        organization: (await this.organizations.get(r.organization_id)).name,
        subject: r.subject,
        linkedAt: r.created_at.toISOString(),
      })),
    );
    return { json: { links }, csv: { liens: links } };
  }

  async erase(personId: string, tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM sso_identities WHERE person_id = $1', [personId]);
  }
}
