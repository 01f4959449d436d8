import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CockpitLine, IndicatorSource } from '@maillage/contracts';
import { findCommune, findDepartement } from '@maillage/referentials';
import { NetworksService } from '../networks/networks.service';
import type { SnapshotFigures } from './steering-refresh.service';
import { COCKPIT_MATURITY_ORDER, searchKey } from './steering-cockpit.sql';
import { meanProgress, parisDay, progressOf, ratio } from './steering-compute';

type Db = Pick<EntityManager, 'query'>;

export interface PlanYearSummary {
  id: string;
  year: number;
  indicators: { source: IndicatorSource; target: number | null; manual: number | null }[];
  actionsDone: number;
  actionsTotal: number;
  /** Due dates of the actions neither done nor cancelled (late once past). */
  openDueDates: string[];
}

/** A stored line: the page's line without the caller's relations and the alerts of the day. */
export type StoredLine = Omit<CockpitLine, 'relations' | 'alerts'>;

const EMPTY_FIGURES: SnapshotFigures = {
  members: 0,
  activeMembers: 0,
  joins12m: 0,
  leaves12m: 0,
  topics12m: 0,
  posts12m: 0,
  answeredShare: null,
  medianHoursToFirstAnswer: null,
  eventsHeld12m: 0,
  registrations12m: 0,
  checkIns12m: 0,
  waitlisted12m: 0,
  documents12m: 0,
  years: {},
};
const CHUNK = 500;

/**
 * The precomputed cockpit lines (`steering_cockpit_lines`, see the module README): one per network with everything the
 * cockpit shows, filters and sorts on. The refresh job rewrites them all; plan and maturity writes rewrite their
 * network's line in their own transaction, so that the cockpit follows at once.
 */
@Injectable()
export class SteeringLinesService {
  constructor(private readonly networks: NetworksService) {}

  /** Rewrites the lines of `ids` (every network when null; deleted networks lose theirs) in the caller's transaction. */
  async write(db: Db, ids: readonly string[] | null, now: Date): Promise<void> {
    const list = ids ?? (await this.networks.steeringNetworkIds(db));
    if (ids === null) await db.query('DELETE FROM steering_cockpit_lines WHERE network_id <> ALL($1::uuid[])', [list]);
    for (let i = 0; i < list.length; i += CHUNK) await this.writeChunk(db, list.slice(i, i + CHUNK), now);
  }

  /** Rewrites the line of a plan's network (after a change to the plan or to one of its parts). */
  async writeForPlan(db: Db, planId: string, now: Date): Promise<void> {
    const [plan]: { network_id: string }[] = await db.query('SELECT network_id FROM steering_plans WHERE id = $1', [planId]);
    if (plan) await this.write(db, [plan.network_id], now);
  }

  private async writeChunk(db: Db, ids: string[], now: Date): Promise<void> {
    const today = parisDay(now);
    const year = today.slice(0, 4);
    const summaries = await this.networks.steeringSummaries(db, ids);
    const snapshots: { network_id: string; as_of: string; figures: SnapshotFigures; last_activity_at: Date | null }[] = await db.query(
      'SELECT network_id, as_of::text AS as_of, figures, last_activity_at FROM steering_snapshots WHERE network_id = ANY($1::uuid[])',
      [ids],
    );
    const animators = await this.networks.steeringAnimators(db, ids);
    const plans = await this.yearSummaries(db, ids, Number(year));
    const snap = new Map(snapshots.map((s) => [s.network_id, s]));
    const animatorsOf = new Map<string, { personId: string; name: string }[]>();
    for (const a of animators)
      animatorsOf.set(a.network_id, [...(animatorsOf.get(a.network_id) ?? []), { personId: a.person_id, name: a.name }]);
    const rows = summaries.map((n) => {
      const s = snap.get(n.id);
      const f = s?.figures ?? EMPTY_FIGURES;
      const plan = plans.get(n.id) ?? null;
      const figuresOfYear = f.years?.[year] ?? null;
      const progress = plan
        ? meanProgress(
            plan.indicators.map((i) => progressOf(i.source === 'manual' ? i.manual : (figuresOfYear?.[i.source] ?? null), i.target)),
          )
        : null;
      const attendance = ratio(f.checkIns12m, f.registrations12m);
      const line: StoredLine = {
        network: {
          id: n.id,
          name: n.name,
          slug: n.slug,
          type: n.type,
          visibility: n.visibility,
          maturity: n.maturity,
          hostOrganization: { id: n.host_organization_id, name: n.host_name },
          referentOrganization: n.referent_organization_id ? { id: n.referent_organization_id, name: n.referent_name ?? '' } : null,
          departements: n.departement_codes,
          regions: n.region_codes,
        },
        animators: animatorsOf.get(n.id) ?? [],
        members: f.members,
        activeMembers: f.activeMembers,
        growth12m: { joins: f.joins12m, leaves: f.leaves12m, net: f.joins12m - f.leaves12m },
        forum: {
          topics: f.topics12m,
          posts: f.posts12m,
          answeredShare: f.answeredShare,
          medianHoursToFirstAnswer: f.medianHoursToFirstAnswer,
        },
        events: {
          held: f.eventsHeld12m,
          registrations: f.registrations12m,
          checkIns: f.checkIns12m,
          attendanceRate: attendance,
          waitlisted: f.waitlisted12m,
        },
        documentsAdded: f.documents12m,
        plan: plan ? { id: plan.id, year: plan.year, progress, actionsDone: plan.actionsDone, actionsTotal: plan.actionsTotal } : null,
        lastActivityAt: s?.last_activity_at ? new Date(s.last_activity_at).toISOString() : null,
      };
      // The territory filters also match a network by the départements of its communes, and by the regions of its départements.
      const departements = [
        ...new Set([
          ...n.departement_codes,
          ...n.commune_codes.map((c) => findCommune(c)?.departement.code).filter((d): d is string => !!d),
        ]),
      ];
      const regions = [
        ...new Set([...n.region_codes, ...n.departement_codes.map((d) => findDepartement(d)?.region.code).filter((r): r is string => !!r)]),
      ];
      return {
        network_id: n.id,
        as_of: s?.as_of ?? today,
        host_organization_id: n.host_organization_id,
        referent_organization_id: n.referent_organization_id,
        name_key: n.name.toLocaleLowerCase('fr'),
        search_name: searchKey(n.name),
        type: n.type,
        maturity: n.maturity,
        maturity_rank: COCKPIT_MATURITY_ORDER.indexOf(n.maturity),
        departements,
        regions,
        animator_ids: line.animators.map((a) => a.personId),
        members: f.members,
        active_members: f.activeMembers,
        growth: f.joins12m - f.leaves12m,
        posts: f.posts12m,
        events_held: f.eventsHeld12m,
        attendance,
        progress,
        last_activity_at: line.lastActivityAt,
        open_due_dates: plan?.openDueDates ?? [],
        line,
      };
    });
    const gone = ids.filter((id) => !summaries.some((n) => n.id === id));
    if (gone.length) await db.query('DELETE FROM steering_cockpit_lines WHERE network_id = ANY($1::uuid[])', [gone]);
    if (!rows.length) return;
    const columns = Object.keys(rows[0]).filter((c) => c !== 'network_id');
    await db.query(
      `INSERT INTO steering_cockpit_lines (network_id, ${columns.join(', ')})
       SELECT network_id, ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(
         network_id uuid, as_of date, host_organization_id uuid, referent_organization_id uuid, name_key text, search_name text, type text, maturity text,
         maturity_rank int, departements text[], regions text[], animator_ids uuid[], members int, active_members int, growth int, posts int,
         events_held int, attendance float8, progress float8, last_activity_at timestamptz, open_due_dates date[], line jsonb)
       ON CONFLICT (network_id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
      [JSON.stringify(rows)],
    );
  }

  /** This year's plan of each network: its indicators (with the latest manual entry), its actions counted. */
  async yearSummaries(db: Db, networkIds: readonly string[], year: number): Promise<Map<string, PlanYearSummary>> {
    const plans: { id: string; network_id: string; year: number }[] = await db.query(
      'SELECT id, network_id, year FROM steering_plans WHERE network_id = ANY($1::uuid[]) AND year = $2',
      [networkIds, year],
    );
    const ids = plans.map((p) => p.id);
    const indicators: { plan_id: string; source: IndicatorSource; target: number | null; manual: number | null }[] = await db.query(
      `SELECT i.plan_id, i.source, i.target::float8 AS target,
              (SELECT e.value::float8 FROM steering_indicator_entries e WHERE e.indicator_id = i.id ORDER BY e.date DESC, e.created_at DESC LIMIT 1) AS manual
       FROM steering_indicators i WHERE i.plan_id = ANY($1::uuid[])`,
      [ids],
    );
    const actions: { plan_id: string; total: number; done: number; open_due: string[] }[] = await db.query(
      `SELECT plan_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'done')::int AS done,
              coalesce(array_agg(due_date::text) FILTER (WHERE due_date IS NOT NULL AND status NOT IN ('done', 'cancelled')), '{}') AS open_due
       FROM steering_actions WHERE plan_id = ANY($1::uuid[]) GROUP BY plan_id`,
      [ids],
    );
    const result = new Map<string, PlanYearSummary>();
    for (const p of plans) {
      const a = actions.find((x) => x.plan_id === p.id);
      result.set(p.network_id, {
        id: p.id,
        year: p.year,
        indicators: indicators.filter((i) => i.plan_id === p.id).map((i) => ({ source: i.source, target: i.target, manual: i.manual })),
        actionsDone: a?.done ?? 0,
        actionsTotal: a?.total ?? 0,
        openDueDates: a?.open_due ?? [],
      });
    }
    return result;
  }
}
