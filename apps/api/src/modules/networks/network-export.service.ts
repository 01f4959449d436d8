import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale, MembershipRole, MembershipStatus } from '@maillage/contracts';
import { findCommune } from '@maillage/referentials';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { type CsvFile, toCsv } from '../../core/csv/csv';
import { NetworksService } from './networks.service';

const LABELS: Record<
  Locale,
  { headers: string[]; roles: Record<MembershipRole, string>; statuses: Record<MembershipStatus, string>; filename: string }
> = {
  fr: {
    headers: [
      'Entreprise',
      'Raison sociale',
      'SIRET',
      'Code NAF',
      'Commune',
      'Code commune',
      'Rôle',
      'Statut',
      'Membre depuis',
      'Personnes',
    ],
    roles: { member: 'Membre', moderator: 'Modérateur', animator: 'Animateur' },
    statuses: { invited: 'Invitée', pending: 'En attente', active: 'Active', rejected: 'Refusée', left: 'Partie', banned: 'Exclue' },
    filename: 'membres',
  },
  en: {
    headers: ['Company', 'Legal name', 'SIRET', 'NAF code', 'Commune', 'Commune code', 'Role', 'Status', 'Member since', 'People'],
    roles: { member: 'Member', moderator: 'Moderator', animator: 'Animator' },
    statuses: { invited: 'Invited', pending: 'Pending', active: 'Active', rejected: 'Rejected', left: 'Left', banned: 'Banned' },
    filename: 'members',
  },
};

interface MemberRow {
  company_id: string;
  legal_name: string;
  trade_name: string | null;
  siret: string;
  naf_code: string | null;
  commune_code: string | null;
  role: MembershipRole;
  status: MembershipStatus;
  joined_at: Date | null;
}

interface PersonRow {
  id: string;
  company_id: string;
  first_name: string;
  last_name: string;
  job_title: string | null;
  email: string;
}

/** The managers' CSV export of a network's members (see AccessPolicy: canExportNetworkMembers, canSeeNetworkMemberContacts). */
@Injectable()
export class NetworkExportService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly networks: NetworksService,
  ) {}

  async membersCsv(actor: Actor, id: string): Promise<CsvFile> {
    const standing = await this.networks.visibleStanding(actor, id);
    await this.access.assert(this.access.canExportNetworkMembers(standing));
    const contacts = this.access.canSeeNetworkMemberContacts(standing);
    const [{ locale }]: { locale: Locale }[] = await this.db.query('SELECT locale FROM people WHERE id = $1', [actor.personId]);
    const labels = LABELS[locale] ?? LABELS.fr;
    const [{ slug }]: { slug: string }[] = await this.db.query('SELECT slug FROM networks WHERE id = $1', [id]);
    const members: MemberRow[] = await this.db.query(
      `SELECT c.id AS company_id, c.legal_name, c.trade_name, c.siret, c.naf_code, c.commune_code, m.role, m.status,
              (SELECT max(e.created_at) FROM network_membership_events e
                WHERE e.membership_id = m.id AND e.to_status = 'active' AND e.from_status IS DISTINCT FROM 'active') AS joined_at
       FROM network_memberships m JOIN companies c ON c.id = m.company_id
       WHERE m.network_id = $1 ORDER BY m.status, c.legal_name, c.id`,
      [id],
    );
    // The people of active member companies only (a company is the member; its people follow).
    const active = members.filter((m) => m.status === 'active').map((m) => m.company_id);
    const people: PersonRow[] = active.length
      ? await this.db.query(
          `SELECT p.id, cm.company_id, p.first_name, p.last_name, p.job_title, p.email FROM company_members cm JOIN people p ON p.id = cm.person_id
           WHERE cm.company_id = ANY($1::uuid[]) AND p.erased_at IS NULL ORDER BY cm.company_id, p.last_name, p.first_name, p.id`,
          [active],
        )
      : [];
    // Each person's privacy settings decide whether they are listed and whether their e-mail is.
    const disclosed = await this.access.peopleDisclosure(
      actor,
      people.map((p) => p.id),
      { withDefaults: true },
    );
    const byCompany = new Map<string, string[]>();
    for (const p of people) {
      const shown = disclosed.get(p.id);
      if (shown && !shown.profile) continue;
      const email = contacts && shown?.email !== false ? ` <${p.email}>` : '';
      const line = `${p.first_name} ${p.last_name}${p.job_title ? ` (${p.job_title})` : ''}${email}`;
      byCompany.set(p.company_id, [...(byCompany.get(p.company_id) ?? []), line]);
    }
    const rows = members.map((m) => [
      m.trade_name ?? m.legal_name,
      m.legal_name,
      m.siret,
      m.naf_code,
      m.commune_code ? (findCommune(m.commune_code)?.name ?? null) : null,
      m.commune_code,
      labels.roles[m.role],
      labels.statuses[m.status],
      m.joined_at && m.status === 'active' ? m.joined_at.toISOString().slice(0, 10) : null,
      (byCompany.get(m.company_id) ?? []).join('\n'),
    ]);
    return {
      // Only [a-z0-9._-]: safe in a Content-Disposition header on every browser.
      filename: `${labels.filename}-${slug}-${new Date().toISOString().slice(0, 10)}.csv`.replace(/[^a-z0-9._-]/gi, '-'),
      content: toCsv([labels.headers, ...rows]),
    };
  }
}
