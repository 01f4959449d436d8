import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type JoinFunnel, type MonthlyPoint, STEERING_SERIES_MONTHS } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobRunner } from '../../core/jobs/job-runner';
import { AgendaService } from '../agenda/agenda.service';
import { CompaniesService } from '../companies/companies.service';
import { DocumentsService } from '../documents/documents.service';
import { ForumsService } from '../forums/forums.service';
import { ConversationsService } from '../messaging/conversations.service';
import { NetworksService } from '../networks/networks.service';
import { NewslettersService } from '../newsletters/newsletters.service';
import { SteeringLinesService } from './steering-lines.service';
import { addDays, buildSpans, monthWindows, parisDay, ratio, round, yearFiguresOf, type YearFigures } from './steering-compute';

const TICK_MS = 10 * 60 * 1000;
/** Days recomputed at each run before the last refreshed day (late edits: a post hidden, a check-in entered afterwards). */
const REWORK_DAYS = 35;
/** The first run builds this many months of history. */
const HISTORY_MONTHS = STEERING_SERIES_MONTHS + 2;
const CHUNK_DAYS = 31;

/** The current figures kept in a snapshot (a cockpit line's numbers). */
export interface SnapshotFigures {
  members: number;
  activeMembers: number;
  joins12m: number;
  leaves12m: number;
  topics12m: number;
  posts12m: number;
  answeredShare: number | null;
  medianHoursToFirstAnswer: number | null;
  eventsHeld12m: number;
  registrations12m: number;
  checkIns12m: number;
  waitlisted12m: number;
  documents12m: number;
  /** This year's and last year's figures (computed plan indicators read them). */
  years: Record<string, YearFigures | null>;
}
export interface SnapshotInactive {
  companyId: string;
  /** The company's name at the refresh (a network's page then needs no other read). */
  name?: string;
  lastDay: string;
  since: string;
}

type Db = Pick<EntityManager, 'query'>;
type PersonDay = { network_id: string; person_id: string; day: string };

/**
 * The steering aggregates: a background job (every replica runs it) that claims the single state row with
 * `FOR UPDATE SKIP LOCKED` (one replica refreshes at a time, the others skip), rebuilds the membership spans, recomputes
 * the daily activity of the last REWORK_DAYS days (the whole history at the first run) from the owning modules'
 * exported queries, then one snapshot and one cockpit line per network: the pages read these, never the activity tables.
 */
@Injectable()
export class SteeringRefreshService {
  private readonly logger = new Logger('Steering');

  constructor(
    private readonly db: DataSource,
    private readonly networks: NetworksService,
    private readonly forums: ForumsService,
    private readonly agenda: AgendaService,
    private readonly documents: DocumentsService,
    private readonly conversations: ConversationsService,
    private readonly companies: CompaniesService,
    private readonly lines: SteeringLinesService,
    private readonly newsletters: NewslettersService,
    jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Tests drive the job by calling refresh themselves. A first run soon after start-up: the pages read its figures.
    jobs.every({
      name: 'steering.refresh',
      everyMs: config.NODE_ENV === 'test' ? 0 : TICK_MS,
      firstDelayMs: 2000,
      leaseMs: 60 * 60 * 1000,
      run: (now) => this.refresh(now).then(() => undefined),
    });
  }

  /** Refreshes the aggregates as of `now`; false when another replica holds the job. `full`: rebuild the whole history. */
  async refresh(now: Date, options: { full?: boolean } = {}): Promise<boolean> {
    // The migration writes the state row; a database emptied since (tests, restores) gets it back here.
    await this.db.query('INSERT INTO steering_refresh_state (id) VALUES (1) ON CONFLICT DO NOTHING');
    return this.db.transaction(async (tx) => {
      const [state]: { refreshed_day: string | null }[] = await tx.query(
        'SELECT refreshed_day::text AS refreshed_day FROM steering_refresh_state WHERE id = 1 FOR UPDATE SKIP LOCKED',
      );
      if (!state) return false;
      const started = Date.now();
      const today = parisDay(now);
      const start = monthWindows(today, HISTORY_MONTHS)[0].from;
      const from = !options.full && state.refreshed_day ? [addDays(state.refreshed_day, -REWORK_DAYS), start].sort()[1] : start;
      const ids = await this.networks.steeringNetworkIds(tx);
      await this.rebuildSpans(tx, today);
      await tx.query('DELETE FROM steering_daily WHERE day >= $1 OR network_id <> ALL($2::uuid[])', [from, ids]);
      await tx.query('DELETE FROM steering_company_days WHERE day >= $1 OR network_id <> ALL($2::uuid[])', [from, ids]);
      for (let day = from; day <= today; day = addDays(day, CHUNK_DAYS)) {
        const until = [addDays(day, CHUNK_DAYS), addDays(today, 1)].sort()[0];
        await this.refreshDays(tx, day, until, now);
      }
      await this.writeSnapshots(tx, ids, today, now);
      await this.lines.write(tx, null, now);
      await tx.query('UPDATE steering_refresh_state SET refreshed_day = $1, last_run_at = $2 WHERE id = 1', [today, now]);
      this.logger.log(`Aggregates refreshed from ${from} for ${ids.length} networks in ${Date.now() - started} ms`);
      return true;
    });
  }

  private async rebuildSpans(tx: Db, today: string): Promise<void> {
    const { moves, current } = await this.networks.steeringMembershipMoves(tx);
    const spans = buildSpans(moves, current, today);
    await tx.query('DELETE FROM steering_member_spans');
    for (let i = 0; i < spans.length; i += 20_000) {
      const part = spans.slice(i, i + 20_000);
      await tx.query(
        `INSERT INTO steering_member_spans (network_id, company_id, joined_on, left_on)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) ON CONFLICT DO NOTHING`,
        [part.map((s) => s.networkId), part.map((s) => s.companyId), part.map((s) => s.joinedOn), part.map((s) => s.leftOn)],
      );
    }
  }

  /** The daily activity and the active companies of the days in [from, to). */
  private async refreshDays(tx: Db, from: string, to: string, now: Date): Promise<void> {
    const forum = await this.forums.steeringActivity(tx, from, to);
    const agenda = await this.agenda.steeringActivity(tx, from, to, now);
    const documents = await this.documents.steeringActivity(tx, from, to);
    const senders = await this.conversations.steeringSenders(tx, from, to);
    const upsert = async (column: string[], rows: Record<string, unknown>[]) => {
      if (!rows.length) return;
      const columns = ['network_id', 'day', ...column];
      const casts = ['uuid', 'date', ...column.map(() => 'int')];
      await tx.query(
        `INSERT INTO steering_daily (${columns.join(', ')}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${casts[i]}[]`).join(', ')})
         ON CONFLICT (network_id, day) DO UPDATE SET ${column.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
        columns.map((c) => rows.map((r) => r[c])),
      );
    };
    await upsert(['topics', 'posts'], forum.days);
    await upsert(['events_held', 'registrations', 'check_ins', 'waitlisted'], agenda.days);
    await upsert(['documents_added'], documents.days);

    const inNetwork: PersonDay[] = [...forum.people, ...agenda.people, ...documents.people];
    const people = [...new Set([...inNetwork.map((r) => r.person_id), ...senders.map((r) => r.person_id)])];
    const companiesOf = new Map<string, string[]>();
    for (const pair of await this.companies.companiesOfPeople(tx, people))
      companiesOf.set(pair.person_id, [...(companiesOf.get(pair.person_id) ?? []), pair.company_id]);
    // Activity in a network counts for the person's companies that were members of it that day.
    const net: [string[], string[], string[]] = [[], [], []];
    for (const r of inNetwork) {
      for (const c of companiesOf.get(r.person_id) ?? []) {
        net[0].push(r.network_id);
        net[1].push(c);
        net[2].push(r.day);
      }
    }
    // A message belongs to no network: it counts in every network the sender's company was a member of that day.
    const any: [string[], string[]] = [[], []];
    for (const r of senders) {
      for (const c of companiesOf.get(r.person_id) ?? []) {
        any[0].push(c);
        any[1].push(r.day);
      }
    }
    const covering = `s.company_id = a.company_id AND s.joined_on <= a.day AND (s.left_on IS NULL OR s.left_on > a.day)`;
    if (net[0].length)
      await tx.query(
        `INSERT INTO steering_company_days (network_id, company_id, day)
         SELECT DISTINCT a.network_id, a.company_id, a.day FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS a(network_id, company_id, day)
         WHERE EXISTS (SELECT 1 FROM steering_member_spans s WHERE s.network_id = a.network_id AND ${covering})
         ON CONFLICT DO NOTHING`,
        net,
      );
    if (any[0].length)
      await tx.query(
        `INSERT INTO steering_company_days (network_id, company_id, day)
         SELECT DISTINCT s.network_id, a.company_id, a.day FROM unnest($1::uuid[], $2::date[]) AS a(company_id, day)
         JOIN steering_member_spans s ON ${covering}
         ON CONFLICT DO NOTHING`,
        any,
      );
  }

  private async writeSnapshots(tx: Db, ids: string[], today: string, now: Date): Promise<void> {
    const months = monthWindows(today, STEERING_SERIES_MONTHS);
    const yearAgo = addDays(today, -365);
    const rows: (Omit<
      MonthlyPoint,
      'attendanceRate' | 'newsletters' | 'newsletterRecipients' | 'newsletterClickers' | 'newsletterUnsubscribes'
    > & {
      network_id: string;
    })[] = await tx.query(
      `WITH months AS (SELECT * FROM unnest($1::text[], $2::date[], $3::date[]) AS m(month, m_from, m_to)),
       mem AS (SELECT s.network_id, m.month, count(DISTINCT s.company_id) FILTER (WHERE s.joined_on <= m.m_to AND (s.left_on IS NULL OR s.left_on > m.m_to)) AS members,
                      count(*) FILTER (WHERE s.joined_on BETWEEN m.m_from AND m.m_to) AS joins,
                      count(*) FILTER (WHERE s.left_on BETWEEN m.m_from AND m.m_to) AS leaves
               FROM months m JOIN steering_member_spans s ON s.joined_on <= m.m_to AND (s.left_on IS NULL OR s.left_on >= m.m_from) GROUP BY 1, 2),
       act AS (SELECT d.network_id, m.month, count(DISTINCT d.company_id) AS active
               FROM months m JOIN steering_company_days d ON d.day > m.m_to - 90 AND d.day <= m.m_to
               WHERE EXISTS (SELECT 1 FROM steering_member_spans s WHERE s.network_id = d.network_id AND s.company_id = d.company_id
                             AND s.joined_on <= m.m_to AND (s.left_on IS NULL OR s.left_on > m.m_to))
               GROUP BY 1, 2),
       dly AS (SELECT d.network_id, m.month, sum(d.topics) AS topics, sum(d.posts) AS posts, sum(d.events_held) AS events_held,
                      sum(d.registrations) AS registrations, sum(d.check_ins) AS check_ins, sum(d.documents_added) AS documents
               FROM months m JOIN steering_daily d ON d.day BETWEEN m.m_from AND m.m_to GROUP BY 1, 2),
       keys AS (SELECT network_id, month FROM mem UNION SELECT network_id, month FROM act UNION SELECT network_id, month FROM dly)
       SELECT k.network_id, k.month, coalesce(mem.members, 0)::int AS "members", coalesce(act.active, 0)::int AS "activeMembers",
              coalesce(mem.joins, 0)::int AS "joins", coalesce(mem.leaves, 0)::int AS "leaves", coalesce(dly.topics, 0)::int AS "topics",
              coalesce(dly.posts, 0)::int AS "posts", coalesce(dly.events_held, 0)::int AS "eventsHeld", coalesce(dly.registrations, 0)::int AS "registrations",
              coalesce(dly.check_ins, 0)::int AS "checkIns", coalesce(dly.documents, 0)::int AS "documentsAdded"
       FROM keys k LEFT JOIN mem USING (network_id, month) LEFT JOIN act USING (network_id, month) LEFT JOIN dly USING (network_id, month)`,
      [months.map((m) => m.month), months.map((m) => m.from), months.map((m) => m.to)],
    );
    const letters = new Map(
      (await this.newsletters.steeringMonthly(tx, months[0].from)).map((r) => [`${r.network_id} ${r.month}`, r] as const),
    );
    const twelve: {
      network_id: string;
      joins: number;
      leaves: number;
      topics: number;
      posts: number;
      events_held: number;
      registrations: number;
      check_ins: number;
      waitlisted: number;
      documents: number;
    }[] = await tx.query(
      `SELECT network_id, sum(topics)::int AS topics, sum(posts)::int AS posts, sum(events_held)::int AS events_held, sum(registrations)::int AS registrations,
                sum(check_ins)::int AS check_ins, sum(waitlisted)::int AS waitlisted, sum(documents_added)::int AS documents
         FROM steering_daily WHERE day > $1 AND day <= $2 GROUP BY 1`,
      [yearAgo, today],
    );
    const moves: { network_id: string; joins: number; leaves: number }[] = await tx.query(
      `SELECT network_id, count(*) FILTER (WHERE joined_on > $1 AND joined_on <= $2)::int AS joins, count(*) FILTER (WHERE left_on > $1 AND left_on <= $2)::int AS leaves
       FROM steering_member_spans GROUP BY 1`,
      [yearAgo, today],
    );
    const last: { network_id: string; day: string }[] = await tx.query(
      `SELECT network_id, max(day)::text AS day FROM (
         SELECT network_id, max(day) AS day FROM steering_daily WHERE topics + posts + events_held + documents_added > 0 GROUP BY 1
         UNION ALL SELECT network_id, max(day) FROM steering_company_days GROUP BY 1
         UNION ALL SELECT network_id, max(joined_on) FROM steering_member_spans GROUP BY 1) x GROUP BY 1`,
    );
    const inactive: { network_id: string; company_id: string; last_day: string; since: string }[] = await tx.query(
      `SELECT s.network_id, s.company_id, max(d.day)::text AS last_day, min(s.joined_on)::text AS since
       FROM steering_member_spans s JOIN steering_company_days d ON d.network_id = s.network_id AND d.company_id = s.company_id
       WHERE s.left_on IS NULL AND s.joined_on <= $1
       GROUP BY 1, 2 HAVING max(d.day) <= $1::date - 90 AND max(d.day) > $1::date - 180
       ORDER BY 3, 2`,
      [today],
    );
    const since12 = new Date(now.getTime() - 365 * 86_400_000);
    const answers = new Map((await this.forums.steeringAnswers(tx, since12)).map((a) => [a.network_id, a]));
    const funnels = new Map((await this.networks.steeringJoinFunnel(tx, since12)).map((f) => [f.network_id, f]));
    const companyNames = await this.companies.namesOf(tx, [...new Set(inactive.map((r) => r.company_id))]);

    const group = <T extends { network_id: string }>(list: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of list) map.set(r.network_id, [...(map.get(r.network_id) ?? []), r]);
      return map;
    };
    const seriesOf = group(rows);
    const twelveOf = new Map(twelve.map((t) => [t.network_id, t]));
    const movesOf = new Map(moves.map((t) => [t.network_id, t]));
    const lastOf = new Map(last.map((t) => [t.network_id, t.day]));
    const inactiveOf = group(inactive);
    const out: [string[], string[], string[], string[], string[], (string | null)[]] = [[], [], [], [], [], []];
    for (const id of ids) {
      const byMonth = new Map((seriesOf.get(id) ?? []).map((r) => [r.month, r]));
      const series: MonthlyPoint[] = months.map(({ month }) => {
        const r = byMonth.get(month);
        const l = letters.get(`${id} ${month}`);
        const point = {
          month,
          members: 0,
          activeMembers: 0,
          joins: 0,
          leaves: 0,
          topics: 0,
          posts: 0,
          eventsHeld: 0,
          registrations: 0,
          checkIns: 0,
          documentsAdded: 0,
          ...(r ?? {}),
          newsletters: l?.newsletters ?? 0,
          newsletterRecipients: l?.recipients ?? 0,
          newsletterClickers: l?.clickers ?? 0,
          newsletterUnsubscribes: l?.unsubscribes ?? 0,
        };
        delete (point as { network_id?: string }).network_id;
        return { ...point, attendanceRate: ratio(point.checkIns, point.registrations) };
      });
      const now12 = twelveOf.get(id);
      const answer = answers.get(id);
      const latest = series[series.length - 1];
      const figures: SnapshotFigures = {
        members: latest.members,
        activeMembers: latest.activeMembers,
        joins12m: movesOf.get(id)?.joins ?? 0,
        leaves12m: movesOf.get(id)?.leaves ?? 0,
        topics12m: now12?.topics ?? 0,
        posts12m: now12?.posts ?? 0,
        answeredShare: answer ? ratio(answer.answered, answer.topics) : null,
        medianHoursToFirstAnswer: answer?.median_hours == null ? null : round(answer.median_hours, 1),
        eventsHeld12m: now12?.events_held ?? 0,
        registrations12m: now12?.registrations ?? 0,
        checkIns12m: now12?.check_ins ?? 0,
        waitlisted12m: now12?.waitlisted ?? 0,
        documents12m: now12?.documents ?? 0,
        years: Object.fromEntries(
          [Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))].map((y) => [
            String(y),
            yearFiguresOf(series.filter((p) => p.month.startsWith(`${y}-`))),
          ]),
        ),
      };
      const f = funnels.get(id);
      const funnel: JoinFunnel = {
        received: f?.received ?? 0,
        accepted: f?.accepted ?? 0,
        rejected: f?.rejected ?? 0,
        pending: f?.pending ?? 0,
        medianHoursToDecide: f?.median_hours == null ? null : round(f.median_hours, 1),
      };
      const gone: SnapshotInactive[] = (inactiveOf.get(id) ?? [])
        .slice(0, 100)
        .map((r) => ({ companyId: r.company_id, name: companyNames.get(r.company_id) ?? '', lastDay: r.last_day, since: r.since }));
      out[0].push(id);
      out[1].push(JSON.stringify(figures));
      out[2].push(JSON.stringify(series));
      out[3].push(JSON.stringify(funnel));
      out[4].push(JSON.stringify(gone));
      out[5].push(lastOf.get(id) ?? null);
    }
    await tx.query('DELETE FROM steering_snapshots');
    for (let i = 0; i < ids.length; i += 500) {
      await tx.query(
        `INSERT INTO steering_snapshots (network_id, as_of, figures, series, funnel, inactive, last_activity_at)
         SELECT a.id, $7::date, a.figures::jsonb, a.series::jsonb, a.funnel::jsonb, a.inactive::jsonb, (a.last::date::timestamp AT TIME ZONE 'Europe/Paris')
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS a(id, figures, series, funnel, inactive, last)`,
        [...out.map((col) => col.slice(i, i + 500)), today],
      );
    }
  }
}
