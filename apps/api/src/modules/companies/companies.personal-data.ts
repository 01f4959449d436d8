import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException } from '../../core/errors/app-exception';
import { type PersonalDataProvider, type PersonalDataSection, PersonalDataRegistry } from '../../core/privacy/personal-data.registry';

/**
 * The person's companies and roles, and the networks those companies belong to. A company whose only owner leaves
 * would have nobody to run it: erasure is refused (409) until another person is made owner.
 */
@Injectable()
export class CompaniesPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly name = 'entreprises';

  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async exportFor(personId: string): Promise<PersonalDataSection> {
    const companies: { company_id: string; siret: string; name: string; role: string; since: Date }[] = await this.db.query(
      `SELECT c.id AS company_id, c.siret, coalesce(c.trade_name, c.legal_name) AS name, m.role, m.created_at AS since
       FROM company_members m JOIN companies c ON c.id = m.company_id WHERE m.person_id = $1 ORDER BY name`,
      [personId],
    );
    const memberships: { company: string; network: string; role: string; status: string }[] = await this.db.query(
      `SELECT coalesce(c.trade_name, c.legal_name) AS company, n.name AS network, nm.role, nm.status
       FROM company_members m JOIN companies c ON c.id = m.company_id JOIN network_memberships nm ON nm.company_id = c.id JOIN networks n ON n.id = nm.network_id
       WHERE m.person_id = $1 ORDER BY company, network`,
      [personId],
    );
    const claims: { company: string; message: string | null; status: string; created_at: Date }[] = await this.db.query(
      `SELECT coalesce(c.trade_name, c.legal_name) AS company, k.message, k.status, k.created_at FROM company_claims k JOIN companies c ON c.id = k.company_id
       WHERE k.person_id = $1 ORDER BY k.created_at`,
      [personId],
    );
    const roles = companies.map((c) => ({ company: c.name, siret: c.siret, role: c.role, since: c.since.toISOString() }));
    const claimRows = claims.map((c) => ({
      company: c.company,
      message: c.message,
      status: c.status,
      createdAt: c.created_at.toISOString(),
    }));
    return {
      json: { companies: roles, networkMemberships: memberships, companyClaims: claimRows },
      csv: { entreprises: roles, adhesions: memberships },
    };
  }

  async assertErasable(personId: string, db: EntityManager): Promise<void> {
    const orphans: { name: string }[] = await db.query(
      `SELECT coalesce(c.trade_name, c.legal_name) AS name FROM company_members m JOIN companies c ON c.id = m.company_id
       WHERE m.person_id = $1 AND m.role = 'owner'
         AND NOT EXISTS (SELECT 1 FROM company_members o WHERE o.company_id = m.company_id AND o.role = 'owner' AND o.person_id <> $1)
         AND EXISTS (SELECT 1 FROM company_members o WHERE o.company_id = m.company_id AND o.person_id <> $1)
       ORDER BY name`,
      [personId],
    );
    if (orphans.length) {
      throw AppException.conflict('ONLY_OWNER', `Make another person owner of ${orphans.map((o) => o.name).join(', ')} first`, {
        companies: orphans.map((o) => o.name),
      });
    }
  }

  /** The person leaves their companies (a company they were alone in stays, without people, and may be claimed again). */
  async erase(personId: string, tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM company_members WHERE person_id = $1', [personId]);
    await tx.query('DELETE FROM company_invitations WHERE invited_by_id = $1 AND accepted_at IS NULL', [personId]);
    await tx.query('DELETE FROM company_claims WHERE person_id = $1', [personId]);
  }
}
