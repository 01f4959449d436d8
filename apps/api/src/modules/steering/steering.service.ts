import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type CockpitLine,
  type CockpitQuery,
  type CockpitResponse,
  type CountBy,
  type JoinFunnel,
  type MonthlyPoint,
  type NetworkIndicators,
  type NetworkNeed,
  type RegionalQuery,
  type RegionalView,
  type SteeringAccess,
  type SteeringOpportunities,
  type SteeringSettings,
  STEERING_DORMANT_DAYS_DEFAULT,
} from '@maillage/contracts';
import { findDepartement } from '@maillage/referentials';
import { AccessPolicy } from '../../core/access/access-policy.service';
import { steeringScopeSql } from '../../core/access/steering-scope.sql';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { CompaniesService } from '../companies/companies.service';
import { NetworksService } from '../networks/networks.service';
import { OpportunityGroupsService } from '../opportunities/opportunity-groups.service';
import type { SnapshotFigures, SnapshotInactive } from './steering-refresh.service';
import { daysBetween, isLate, parisDay } from './steering-compute';
import { NETWORK, ORGANIZATION } from './steering.errors';
import { SteeringLinesService } from './steering-lines.service';
import { COCKPIT_MATURITY_ORDER, cockpitStatement, indicatorsStatement } from './steering-cockpit.sql';

const PAGE_SIZE = 50;

export interface SheetRow {
  network_id: string;
  partners: { name: string; role: string; comment: string | null }[];
  governance: { president?: string | null; board?: string[]; cciElectedReferent?: string | null };
  agreementType: string;
  agreementStart: string | null;
  agreementReview: string | null;
  funding: { kind: string; label: string | null; amount: number | null }[];
}

interface SnapshotRow {
  network_id: string;
  as_of: string;
  figures: SnapshotFigures;
  series: MonthlyPoint[];
  funnel: JoinFunnel;
  inactive: SnapshotInactive[];
  last_activity_at: Date | null;
}

/** The filter choices of the whole portfolio, as the cockpit statement returns them. */
interface Facets {
  asOf: string | null;
  types: CockpitResponse['filters']['types'];
  maturities: string[];
  departements: string[];
  regions: string[];
  animators: { personId: string; name: string }[];
  organizations: { id: string; name: string }[];
}

type Middle = [number | null, number | null];
interface IndicatorsRow {
  item: CockpitLine;
  series: MonthlyPoint[] | null;
  funnel: JoinFunnel | null;
  inactive: SnapshotInactive[] | null;
  as_of: string | null;
  peers: { peers: number; members: Middle; activeMembers: Middle; posts12m: Middle; eventsHeld12m: Middle; attendanceRate: Middle };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cockpit, a network's indicators, the regional view and the organisations' settings (read from the snapshots). */
@Injectable()
export class SteeringService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly networks: NetworksService,
    private readonly companies: CompaniesService,
    private readonly lines: SteeringLinesService,
    private readonly opportunityGroups: OpportunityGroupsService,
  ) {}

  async me(actor: Actor): Promise<SteeringAccess> {
    const scope = await this.access.steeringScope(actor);
    const organizations: SteeringAccess['organizations'] = await this.db.query(
      `SELECT o.id, o.name, o.kind, s.role, coalesce(ss.dormant_after_days, $2)::int AS "dormantAfterDays"
       FROM organization_staff s JOIN organizations o ON o.id = s.organization_id LEFT JOIN steering_settings ss ON ss.organization_id = o.id
       WHERE s.person_id = $1 ORDER BY o.name`,
      [actor.personId, STEERING_DORMANT_DAYS_DEFAULT],
    );
    return {
      canSteer: scope.size > 0 || this.access.isPlatformAdmin(actor),
      canSeeRegional: organizations.length > 0 || this.access.isPlatformAdmin(actor),
      organizations,
    };
  }

  /**
   * Opportunities, responses and mini-grappes of the member companies of every network the caller steers, and the
   * mini-grappes the caller supports as CCI "intégrateur de PME".
   */
  async opportunities(actor: Actor): Promise<SteeringOpportunities> {
    const scope = await this.access.steeringScope(actor);
    const networkIds = [...scope.keys()];
    return {
      networks: networkIds.length,
      stats: await this.opportunityGroups.statsForNetworks(networkIds),
      supported: await this.opportunityGroups.supportedBy(actor),
    };
  }

  /** The caller's portfolio: one statement over the precomputed lines (filters, sort, page, totals, filter choices). */
  async cockpit(actor: Actor, query: CockpitQuery, now = new Date()): Promise<CockpitResponse> {
    if (query.organizationId && !(await this.access.canReadSteeringSettings(actor, query.organizationId)))
      throw AppException.notFound(ORGANIZATION);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGE_SIZE;
    const today = parisDay(now);
    const { sql, params } = cockpitStatement(steeringScopeSql, {
      ...this.viewer(actor, now),
      filters: query,
      page: { size: pageSize, number: page },
    });
    let [row]: { items: CockpitLine[]; totals: CockpitResponse['totals']; facets: Facets; missing: string[] }[] = await this.db.query(
      sql,
      params,
    );
    // Networks created since the last refresh have no line yet: they get one now.
    if (row.missing.length) {
      await this.lines.write(this.db.manager, row.missing, now);
      [row] = await this.db.query(sql, params);
    }
    const f = row.facets;
    const animators = new Map(f.animators.map((a) => [a.personId, a]));
    const organizations = new Map(f.organizations.map((o) => [o.id, o]));
    return {
      items: row.items,
      total: row.totals.networks,
      page,
      pageSize,
      totals: row.totals,
      asOf: f.asOf ?? today,
      filters: {
        types: f.types,
        maturities: COCKPIT_MATURITY_ORDER.filter((m) => f.maturities.includes(m)) as CockpitResponse['filters']['maturities'],
        departements: f.departements,
        regions: f.regions,
        animators: [...animators.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
        organizations: [...organizations.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      },
    };
  }

  /** Every line of the cockpit matching `query`, sorted (the exports): the same statement without the page. */
  async cockpitLines(actor: Actor, query: CockpitQuery, now = new Date()): Promise<CockpitLine[]> {
    if (query.organizationId && !(await this.access.canReadSteeringSettings(actor, query.organizationId)))
      throw AppException.notFound(ORGANIZATION);
    const { sql, params } = cockpitStatement(steeringScopeSql, { ...this.viewer(actor, now), filters: query });
    const rows: { item: CockpitLine }[] = await this.db.query(sql, params);
    return rows.map((r) => r.item);
  }

  async indicators(actor: Actor, networkId: string, now = new Date()): Promise<NetworkIndicators> {
    if (!UUID.test(networkId)) throw AppException.notFound(NETWORK);
    const { sql, params } = indicatorsStatement(steeringScopeSql, { ...this.viewer(actor, now), networkId });
    let [row]: IndicatorsRow[] = await this.db.query(sql, params);
    // A network created since the last refresh has no line yet: it gets one now.
    if (!row && (await this.access.canSteerNetwork(actor, networkId))) {
      await this.lines.write(this.db.manager, [networkId], now);
      [row] = await this.db.query(sql, params);
    }
    if (!row) throw AppException.notFound(NETWORK);
    const { network, relations: _r, animators: _a, ...current } = row.item;
    const inactive = row.inactive ?? [];
    // Snapshots written before names were kept in them: read the names.
    const unnamed = inactive.filter((i) => i.name === undefined).map((i) => i.companyId);
    const names = unnamed.length ? await this.companies.namesOf(this.db, unnamed) : new Map<string, string>();
    const mid = (pair: [number | null, number | null]) => (pair[0] === null || pair[1] === null ? null : (pair[0] + pair[1]) / 2);
    const p = row.peers;
    return {
      network: {
        id: network.id,
        name: network.name,
        slug: network.slug,
        type: network.type,
        maturity: network.maturity,
        hostOrganization: network.hostOrganization,
      },
      asOf: row.as_of ?? parisDay(now),
      current,
      series: row.series ?? [],
      funnel: row.funnel ?? { received: 0, accepted: 0, rejected: 0, pending: 0, medianHoursToDecide: null },
      becameInactive: inactive.map((i) => ({
        companyId: i.companyId,
        name: i.name ?? names.get(i.companyId) ?? '',
        lastActivityAt: `${i.lastDay}T00:00:00.000Z`,
        memberSince: i.since,
      })),
      comparison: {
        type: network.type,
        peers: p.peers,
        median: {
          members: mid(p.members) ?? 0,
          activeMembers: mid(p.activeMembers) ?? 0,
          posts12m: mid(p.posts12m) ?? 0,
          eventsHeld12m: mid(p.eventsHeld12m) ?? 0,
          attendanceRate: mid(p.attendanceRate),
        },
        self: {
          members: current.members,
          activeMembers: current.activeMembers,
          posts12m: current.forum.posts,
          eventsHeld12m: current.events.held,
          attendanceRate: current.events.attendanceRate,
        },
      },
    };
  }

  /** Who reads and when: the statements' first placeholders. */
  private viewer(actor: Actor, now: Date) {
    return {
      personId: actor.personId,
      admin: this.access.isPlatformAdmin(actor),
      today: parisDay(now),
      dormantDefault: STEERING_DORMANT_DAYS_DEFAULT,
    };
  }

  async regional(actor: Actor, query: RegionalQuery, now = new Date()): Promise<RegionalView> {
    let organization: { id: string; name: string; kind: string; parent_id: string | null } | null = null;
    let ids: string[];
    let orgIds: string[];
    const orgId = query.organizationId ?? (await this.me(actor)).organizations[0]?.id;
    if (orgId) {
      const tree = await this.access.regionalOrganizations(actor, orgId);
      if (!tree) throw AppException.notFound(ORGANIZATION);
      [organization] = await this.db.query('SELECT id, name, kind, parent_id FROM organizations WHERE id = $1', [orgId]);
      orgIds = tree;
      ids = await this.access.regionalNetworkIds(actor, tree);
    } else if (this.access.isPlatformAdmin(actor)) {
      ids = [...(await this.access.steeringScope(actor)).keys()];
      orgIds = [];
    } else throw AppException.notFound(ORGANIZATION);
    const today = parisDay(now);
    const [summaries, snapshots, sheets, thresholds, orgs] = await Promise.all([
      this.networks.steeringSummaries(this.db, ids),
      this.snapshots(ids),
      this.db.query(
        'SELECT network_id, needs, agreement_type, agreement_fte FROM steering_network_sheets WHERE network_id = ANY($1::uuid[])',
        [ids],
      ) as Promise<{ network_id: string; needs: NetworkNeed[]; agreement_type: string; agreement_fte: string | null }[]>,
      this.thresholds(),
      this.db.query('SELECT id, name FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY name', [orgIds]) as Promise<
        { id: string; name: string }[]
      >,
    ]);
    let filtered = summaries.filter(
      (n) =>
        (!query.type || n.type === query.type) &&
        (!query.maturity || n.maturity === query.maturity) &&
        (!query.departement || n.departement_codes.includes(query.departement)),
    );
    filtered = filtered.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    const snap = new Map(snapshots.map((s) => [s.network_id, s]));
    const sheet = new Map(sheets.map((s) => [s.network_id, s]));
    const members: { network_id: string; company_id: string }[] = await this.db.query(
      'SELECT network_id, company_id FROM steering_member_spans WHERE network_id = ANY($1::uuid[]) AND left_on IS NULL',
      [filtered.map((n) => n.id)],
    );
    // Networks are placed at the centre of their communes, else of their départements (commune centres averaged).
    const geo: { code: string; lat: number; lng: number }[] = await this.db.query(
      `SELECT code, lat, lng FROM commune_geo WHERE code = ANY($1::text[])
       UNION ALL
       SELECT 'dep:' || d, avg(lat), avg(lng) FROM (SELECT CASE WHEN code LIKE '97%' THEN left(code, 3) ELSE left(code, 2) END AS d, lat, lng FROM commune_geo) g
       WHERE d = ANY($2::text[]) GROUP BY d`,
      [[...new Set(filtered.flatMap((n) => n.commune_codes))], [...new Set(filtered.flatMap((n) => n.departement_codes))]],
    );
    const place = new Map(geo.map((g) => [g.code, g]));
    const networks = filtered.map((n) => {
      const s = snap.get(n.id);
      const sh = sheet.get(n.id);
      const points = (n.commune_codes.length ? n.commune_codes : n.departement_codes.map((d) => `dep:${d}`))
        .map((c) => place.get(c))
        .filter((g): g is { code: string; lat: number; lng: number } => !!g);
      const lastDay = s?.last_activity_at ? parisDay(s.last_activity_at) : null;
      const threshold = thresholds.get(n.host_organization_id) ?? STEERING_DORMANT_DAYS_DEFAULT;
      return {
        id: n.id,
        name: n.name,
        slug: n.slug,
        type: n.type,
        maturity: n.maturity,
        hostOrganization: { id: n.host_organization_id, name: n.host_name },
        referentOrganization: n.referent_organization_id ? { id: n.referent_organization_id, name: n.referent_name ?? '' } : null,
        members: s?.figures.members ?? 0,
        activeMembers: s?.figures.activeMembers ?? 0,
        departements: n.departement_codes,
        epcis: n.epci_codes,
        needs: sh?.needs ?? [],
        agreementType: (sh?.agreement_type ?? null) as RegionalView['networks'][number]['agreementType'],
        fte: sh?.agreement_fte == null ? null : Number(sh.agreement_fte),
        dormant: lastDay === null || daysBetween(lastDay, today) >= threshold,
        location: points.length
          ? {
              lat: points.reduce((a, p) => a + Number(p.lat), 0) / points.length,
              lng: points.reduce((a, p) => a + Number(p.lng), 0) / points.length,
            }
          : null,
      };
    });
    const count = <K extends string>(keys: K[], label: (k: K) => string = (k) => k): CountBy<K>[] => {
      const m = new Map<K, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m.entries()]
        .map(([key, c]) => ({ key, label: label(key), count: c }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    };
    const typeOf = new Map(filtered.map((n) => [n.id, n.type]));
    const companiesByType = new Map<string, Set<string>>();
    for (const m of members) {
      const t = typeOf.get(m.network_id) ?? '';
      companiesByType.set(t, (companiesByType.get(t) ?? new Set()).add(m.company_id));
    }
    const fteBy = new Map<string, { organizationId: string; name: string; fte: number; networks: number }>();
    for (const n of networks) {
      const o = fteBy.get(n.hostOrganization.id) ?? {
        organizationId: n.hostOrganization.id,
        name: n.hostOrganization.name,
        fte: 0,
        networks: 0,
      };
      o.fte += n.fte ?? 0;
      o.networks += 1;
      fteBy.set(o.organizationId, o);
    }
    return {
      organization: organization ? { id: organization.id, name: organization.name, kind: organization.kind } : null,
      organizations: orgs,
      readOnly: !!organization?.parent_id,
      asOf: snapshots[0]?.as_of ?? today,
      totals: {
        networks: networks.length,
        memberCompanies: new Set(members.map((m) => m.company_id)).size,
        activeMembers: networks.reduce((s, n) => s + n.activeMembers, 0),
        fte: Math.round(networks.reduce((s, n) => s + (n.fte ?? 0), 0) * 100) / 100,
        dormant: networks.filter((n) => n.dormant).length,
      },
      byType: count(networks.map((n) => n.type)),
      byMaturity: count(networks.map((n) => n.maturity)),
      membersByType: [...companiesByType.entries()]
        .map(([key, set]) => ({ key: key as RegionalView['membersByType'][number]['key'], label: key, count: set.size }))
        .sort((a, b) => b.count - a.count),
      fteByOrganization: [...fteBy.values()]
        .map((o) => ({ ...o, fte: Math.round(o.fte * 100) / 100 }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      byDepartement: count(
        networks.flatMap((n) => n.departements),
        (d) => findDepartement(d)?.name ?? d,
      ),
      byEpci: count(networks.flatMap((n) => n.epcis)),
      needs: count(networks.flatMap((n) => n.needs)),
      networks,
    };
  }

  async settings(actor: Actor, organizationId: string): Promise<SteeringSettings> {
    if (!(await this.access.canReadSteeringSettings(actor, organizationId))) throw AppException.notFound(ORGANIZATION);
    const [row]: { dormant_after_days: number }[] = await this.db.query(
      'SELECT dormant_after_days FROM steering_settings WHERE organization_id = $1',
      [organizationId],
    );
    const [org]: { id: string }[] = await this.db.query('SELECT id FROM organizations WHERE id = $1', [organizationId]);
    if (!org) throw AppException.notFound(ORGANIZATION);
    return {
      organizationId,
      dormantAfterDays: row?.dormant_after_days ?? STEERING_DORMANT_DAYS_DEFAULT,
      canEdit: await this.access.canEditSteeringSettings(actor, organizationId),
    };
  }

  async updateSettings(actor: Actor, organizationId: string, dormantAfterDays: number): Promise<SteeringSettings> {
    await this.settings(actor, organizationId);
    if (!(await this.access.canEditSteeringSettings(actor, organizationId))) throw AppException.forbidden();
    await this.db.query(
      `INSERT INTO steering_settings (organization_id, dormant_after_days) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET dormant_after_days = EXCLUDED.dormant_after_days`,
      [organizationId, dormantAfterDays],
    );
    return this.settings(actor, organizationId);
  }

  /** The sheets of networks (for the regional schema export; the caller already holds them in its view). */
  async sheetsOf(_actor: Actor, ids: readonly string[]): Promise<Map<string, SheetRow>> {
    if (!ids.length) return new Map();
    const rows: SheetRow[] = await this.db.query(
      `SELECT network_id, partners, governance, agreement_type AS "agreementType", agreement_start::text AS "agreementStart",
              agreement_review::text AS "agreementReview", funding
       FROM steering_network_sheets WHERE network_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.network_id, r]));
  }

  private async thresholds(): Promise<Map<string, number>> {
    const rows: { organization_id: string; dormant_after_days: number }[] = await this.db.query(
      'SELECT organization_id, dormant_after_days FROM steering_settings',
    );
    return new Map(rows.map((r) => [r.organization_id, r.dormant_after_days]));
  }

  /** The snapshots of networks; `full`: with the monthly series, the funnel and the inactive members (one network's page). */
  private async snapshots(ids: readonly string[], full = false): Promise<SnapshotRow[]> {
    if (!ids.length) return [];
    return this.db.query(
      `SELECT network_id, as_of::text AS as_of, figures, last_activity_at${full ? ', series, funnel, inactive' : ''} FROM steering_snapshots WHERE network_id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Late-action alerts use the same rule as the plans (exported for the plan service's tests). */
  static isLate = isLate;
}
