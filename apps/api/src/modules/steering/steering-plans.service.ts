import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ActionPlan,
  ActionPlanHistoryEntry,
  ActionPlanHistoryKind,
  ActionPlanSummary,
  IndicatorSource,
  PlanIndicator,
  MonthlyPoint,
} from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { AgendaService } from '../agenda/agenda.service';
import { NetworksService } from '../networks/networks.service';
import { PeopleService } from '../people/people.service';
import type {
  ActionDto,
  CreatePlanDto,
  EntryDto,
  IndicatorDto,
  ObjectiveDto,
  UpdateActionDto,
  UpdateIndicatorDto,
  UpdateObjectiveDto,
  UpdatePlanDto,
} from './dto/steering.dto';
import {
  SteeringAction,
  SteeringIndicator,
  SteeringIndicatorEntry,
  SteeringObjective,
  SteeringPlan,
  SteeringPlanHistory,
} from './entities/steering-plan.entity';
import { SteeringLinesService } from './steering-lines.service';
import { isLate, meanProgress, newsletterFiguresOf, parisDay, progressOf, round, type YearFigures } from './steering-compute';
import { ACTION, ENTRY, INDICATOR, NETWORK, OBJECTIVE, PLAN, SteeringErrors } from './steering.errors';

type Db = Pick<EntityManager, 'query'>;

/** The natural unit of each computed source (French labels: the unit is shown as typed). */
const DEFAULT_UNITS: Record<IndicatorSource, string | null> = {
  manual: null,
  members: 'entreprises',
  active_members: 'entreprises',
  new_members: 'entreprises',
  events_held: 'événements',
  registrations: 'inscriptions',
  attendance: 'participants',
  attendance_rate: '%',
  topics: 'sujets',
  posts: 'messages',
  documents: 'documents',
  newsletters_sent: 'lettres',
  newsletter_recipients: 'destinataires',
  newsletter_click_rate: '%',
  newsletter_unsubscribes: 'désabonnements',
};

/** What the cockpit needs of each network's plan of a year. */
/** Yearly action plans: objectives, actions, indicators (manual entries or computed from the aggregates) and history. */
@Injectable()
export class SteeringPlansService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly networks: NetworksService,
    private readonly agenda: AgendaService,
    private readonly people: PeopleService,
    private readonly lines: SteeringLinesService,
  ) {}

  // ---------- reading ----------

  /**
   * The figures of a network over a calendar year, up to `today`, from the aggregates (see SteeringRefreshService):
   * members and active members at the end of the period, the rest summed over it. Null for a year not started.
   */
  async yearFigures(db: Db, networkId: string, year: number, today: string): Promise<YearFigures | null> {
    const from = `${year}-01-01`;
    if (from > today) return null;
    const to = [`${year}-12-31`, today].sort()[0];
    const [row]: Record<string, number>[] = await db.query(
      `SELECT
         (SELECT count(DISTINCT company_id) FROM steering_member_spans WHERE network_id = $1 AND joined_on <= $3 AND (left_on IS NULL OR left_on > $3))::int AS members,
         (SELECT count(DISTINCT d.company_id) FROM steering_company_days d WHERE d.network_id = $1 AND d.day > $3::date - 90 AND d.day <= $3
             AND EXISTS (SELECT 1 FROM steering_member_spans s WHERE s.network_id = d.network_id AND s.company_id = d.company_id
                         AND s.joined_on <= $3 AND (s.left_on IS NULL OR s.left_on > $3)))::int AS active_members,
         (SELECT count(*) FROM steering_member_spans WHERE network_id = $1 AND joined_on BETWEEN $2 AND $3)::int AS new_members,
         coalesce(sum(events_held), 0)::int AS events_held, coalesce(sum(registrations), 0)::int AS registrations,
         coalesce(sum(check_ins), 0)::int AS attendance, coalesce(sum(topics), 0)::int AS topics, coalesce(sum(posts), 0)::int AS posts,
         coalesce(sum(documents_added), 0)::int AS documents
       FROM steering_daily WHERE network_id = $1 AND day BETWEEN $2 AND $3`,
      [networkId, from, to],
    );
    return {
      members: row.members,
      active_members: row.active_members,
      new_members: row.new_members,
      events_held: row.events_held,
      registrations: row.registrations,
      attendance: row.attendance,
      attendance_rate: row.registrations > 0 ? round((row.attendance / row.registrations) * 100, 2) : null,
      topics: row.topics,
      posts: row.posts,
      documents: row.documents,
      // The newsletters' figures are kept by the refresh job in the network's monthly series (the newsletters module's query).
      ...newsletterFiguresOf(
        ((await db.query('SELECT series FROM steering_snapshots WHERE network_id = $1', [networkId]))[0]?.series ?? []).filter(
          (p: MonthlyPoint) => p.month >= from.slice(0, 7) && p.month <= to.slice(0, 7),
        ),
      ),
    };
  }

  async list(actor: Actor, networkId: string, now = new Date()): Promise<ActionPlanSummary[]> {
    await this.assertSteer(actor, networkId);
    const rows: { id: string }[] = await this.db.query('SELECT id FROM steering_plans WHERE network_id = $1 ORDER BY year DESC', [
      networkId,
    ]);
    const plans = await Promise.all(rows.map((r) => this.view(this.db, r.id, now)));
    return plans.map(({ id, networkId: n, year, title, status, progress, updatedAt }) => ({
      id,
      networkId: n,
      year,
      title,
      status,
      progress,
      updatedAt,
    }));
  }

  async get(actor: Actor, planId: string, now = new Date()): Promise<ActionPlan> {
    await this.planOf(this.db, actor, planId);
    return this.view(this.db, planId, now);
  }

  async history(actor: Actor, planId: string): Promise<ActionPlanHistoryEntry[]> {
    await this.planOf(this.db, actor, planId);
    const rows: {
      id: string;
      kind: ActionPlanHistoryKind;
      label: string;
      changes: ActionPlanHistoryEntry['changes'];
      actor_id: string | null;
      created_at: Date;
    }[] = await this.db.query(
      'SELECT id, kind, label, changes, actor_id, created_at FROM steering_plan_history WHERE plan_id = $1 ORDER BY created_at DESC, id DESC',
      [planId],
    );
    const names = await this.people.namesOf(rows.map((r) => r.actor_id).filter((x): x is string => !!x));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: r.label,
      changes: r.changes,
      actor: r.actor_id ? { personId: r.actor_id, name: names.get(r.actor_id) ?? '' } : null,
      createdAt: r.created_at.toISOString(),
    }));
  }

  private async view(db: Db, planId: string, now: Date): Promise<ActionPlan> {
    const today = parisDay(now);
    const [plan]: SteeringPlanRow[] = await db.query('SELECT * FROM steering_plans WHERE id = $1', [planId]);
    if (!plan) throw AppException.notFound(PLAN);
    const [objectives, actions, indicators, entries, [summary]] = await Promise.all([
      db.query('SELECT id, title, description, position FROM steering_objectives WHERE plan_id = $1 ORDER BY position, id', [
        planId,
      ]) as Promise<ActionPlan['objectives']>,
      db.query(
        `SELECT id, title, description, objective_id, owner, start_date::text AS start_date, due_date::text AS due_date, budget_planned, budget_spent, status, event_ids, updated_at
         FROM steering_actions WHERE plan_id = $1 ORDER BY due_date NULLS LAST, created_at, id`,
        [planId],
      ) as Promise<ActionRow[]>,
      db.query(
        'SELECT id, label, unit, target::float8 AS target, source, objective_id FROM steering_indicators WHERE plan_id = $1 ORDER BY created_at, id',
        [planId],
      ) as Promise<IndicatorRow[]>,
      db.query(
        `SELECT e.id, e.indicator_id, e.value::float8 AS value, e.date::text AS date, e.comment, e.author_id, e.created_at FROM steering_indicator_entries e
         JOIN steering_indicators i ON i.id = e.indicator_id WHERE i.plan_id = $1 ORDER BY e.date DESC, e.created_at DESC, e.id`,
        [planId],
      ) as Promise<EntryRow[]>,
      this.networks.steeringSummaries(db, [plan.network_id]),
    ]);
    const figures = indicators.some((i) => i.source !== 'manual') ? await this.yearFigures(db, plan.network_id, plan.year, today) : null;
    const events = await this.agenda.steeringEvents(db, plan.network_id, [...new Set(actions.flatMap((a) => a.event_ids))]);
    const names = await this.people.namesOf(entries.map((e) => e.author_id).filter((x): x is string => !!x));
    const planIndicators: PlanIndicator[] = indicators.map((i) => {
      const own = entries.filter((e) => e.indicator_id === i.id);
      const actual = i.source === 'manual' ? (own[0]?.value ?? null) : (figures?.[i.source] ?? null);
      return {
        id: i.id,
        label: i.label,
        unit: i.unit,
        target: i.target,
        source: i.source,
        objectiveId: i.objective_id,
        actual,
        progress: progressOf(actual, i.target),
        entries: own.map((e) => ({
          id: e.id,
          value: e.value,
          date: e.date,
          comment: e.comment,
          author: e.author_id ? { personId: e.author_id, name: names.get(e.author_id) ?? '' } : null,
          createdAt: e.created_at.toISOString(),
        })),
      };
    });
    const planActions = actions.map((a) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      objectiveId: a.objective_id,
      owner: a.owner,
      startDate: a.start_date,
      dueDate: a.due_date,
      budgetPlanned: a.budget_planned === null ? null : Number(a.budget_planned),
      budgetSpent: a.budget_spent === null ? null : Number(a.budget_spent),
      status: a.status,
      late: isLate({ dueDate: a.due_date, status: a.status }, today),
      events: events
        .filter((e) => a.event_ids.includes(e.id))
        .map((e) => ({ id: e.id, title: e.title, startsAt: e.starts_at.toISOString() })),
      updatedAt: a.updated_at.toISOString(),
    }));
    return {
      id: plan.id,
      networkId: plan.network_id,
      year: plan.year,
      title: plan.title,
      status: plan.status,
      summary: plan.summary,
      network: { id: plan.network_id, name: summary?.name ?? '', slug: summary?.slug ?? '' },
      period: { from: `${plan.year}-01-01`, to: `${plan.year}-12-31` },
      objectives,
      actions: planActions,
      indicators: planIndicators,
      progress: {
        indicators: meanProgress(planIndicators.map((i) => i.progress)),
        actionsDone: planActions.filter((a) => a.status === 'done').length,
        actionsTotal: planActions.length,
        actionsLate: planActions.filter((a) => a.late).length,
        budgetPlanned: round(
          planActions.reduce((s, a) => s + (a.budgetPlanned ?? 0), 0),
          2,
        ),
        budgetSpent: round(
          planActions.reduce((s, a) => s + (a.budgetSpent ?? 0), 0),
          2,
        ),
      },
      createdAt: plan.created_at.toISOString(),
      updatedAt: plan.updated_at.toISOString(),
      canEdit: true,
    };
  }

  // ---------- writing ----------

  async create(actor: Actor, networkId: string, dto: CreatePlanDto, now = new Date()): Promise<ActionPlan> {
    await this.assertSteer(actor, networkId);
    const id = await this.db
      .transaction(async (tx) => {
        const [exists] = await tx.query('SELECT 1 FROM steering_plans WHERE network_id = $1 AND year = $2', [networkId, dto.year]);
        if (exists) throw SteeringErrors.planExists(dto.year);
        const plan = await tx.save(
          SteeringPlan,
          tx.create(SteeringPlan, {
            networkId,
            year: dto.year,
            title: dto.title ?? `Plan d’actions ${dto.year}`,
            summary: dto.summary ?? null,
            status: dto.status ?? 'draft',
          }),
        );
        await this.log(tx, plan.id, actor, 'plan_created', plan.title, null);
        return plan.id;
      })
      .catch((error: unknown) => {
        // Two creations racing for the same year: the unique index answers.
        if ((error as { code?: string }).code === '23505') throw SteeringErrors.planExists(dto.year);
        throw error;
      });
    return this.view(this.db, id, now);
  }

  async update(actor: Actor, planId: string, dto: UpdatePlanDto, now = new Date()): Promise<ActionPlan> {
    await this.db.transaction(async (tx) => {
      const plan = await this.planOf(tx, actor, planId, true);
      const changes = diff(plan, dto, ['title', 'summary', 'status']);
      if (!changes) return;
      await tx.update(SteeringPlan, { id: planId }, dto);
      await this.log(tx, planId, actor, 'plan_updated', dto.title ?? plan.title, changes);
    });
    return this.view(this.db, planId, now);
  }

  async remove(actor: Actor, planId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const plan = await this.planOf(tx, actor, planId, true);
      await tx.delete(SteeringPlan, { id: planId });
      await this.lines.write(tx, [plan.networkId], new Date());
    });
  }

  /** Copies a plan to another year (default next): objectives, actions (reset, dates moved by the gap) and indicators. */
  async copy(actor: Actor, planId: string, year: number | undefined, now = new Date()): Promise<ActionPlan> {
    const newId = await this.db.transaction(async (tx) => {
      const plan = await this.planOf(tx, actor, planId, true);
      const target = year ?? plan.year + 1;
      const [exists] = await tx.query('SELECT 1 FROM steering_plans WHERE network_id = $1 AND year = $2', [plan.networkId, target]);
      if (exists) throw SteeringErrors.planExists(target);
      const copy = await tx.save(
        SteeringPlan,
        tx.create(SteeringPlan, {
          networkId: plan.networkId,
          year: target,
          title: plan.title.replace(String(plan.year), String(target)),
          summary: plan.summary,
          status: 'draft',
        }),
      );
      const objectives = await tx.find(SteeringObjective, { where: { planId }, order: { position: 'ASC' } });
      const objectiveIds = new Map<string, string>();
      for (const o of objectives) {
        const saved = await tx.save(
          SteeringObjective,
          tx.create(SteeringObjective, { planId: copy.id, title: o.title, description: o.description, position: o.position }),
        );
        objectiveIds.set(o.id, saved.id);
      }
      const move = (day: string | null) => (day ? shiftYears(day, target - plan.year) : null);
      for (const a of await tx.find(SteeringAction, { where: { planId }, order: { createdAt: 'ASC' } })) {
        await tx.save(
          SteeringAction,
          tx.create(SteeringAction, {
            planId: copy.id,
            objectiveId: a.objectiveId ? (objectiveIds.get(a.objectiveId) ?? null) : null,
            title: a.title,
            description: a.description,
            owner: a.owner,
            startDate: move(a.startDate),
            dueDate: move(a.dueDate),
            budgetPlanned: a.budgetPlanned,
            budgetSpent: 0,
            status: 'planned',
            eventIds: [],
          }),
        );
      }
      for (const i of await tx.find(SteeringIndicator, { where: { planId }, order: { createdAt: 'ASC' } })) {
        await tx.save(
          SteeringIndicator,
          tx.create(SteeringIndicator, {
            planId: copy.id,
            objectiveId: i.objectiveId ? (objectiveIds.get(i.objectiveId) ?? null) : null,
            label: i.label,
            unit: i.unit,
            target: i.target,
            source: i.source,
          }),
        );
      }
      await this.log(tx, copy.id, actor, 'plan_copied', copy.title, { year: { from: plan.year, to: target } });
      return copy.id;
    });
    return this.view(this.db, newId, now);
  }

  async addObjective(actor: Actor, planId: string, dto: ObjectiveDto, now = new Date()): Promise<ActionPlan> {
    await this.db.transaction(async (tx) => {
      await this.planOf(tx, actor, planId, true);
      const [{ next }] = await tx.query('SELECT coalesce(max(position) + 1, 0)::int AS next FROM steering_objectives WHERE plan_id = $1', [
        planId,
      ]);
      await tx.save(
        SteeringObjective,
        tx.create(SteeringObjective, { planId, title: dto.title, description: dto.description ?? null, position: dto.position ?? next }),
      );
      await this.log(tx, planId, actor, 'objective_added', dto.title, null);
    });
    return this.view(this.db, planId, now);
  }

  async updateObjective(actor: Actor, objectiveId: string, dto: UpdateObjectiveDto, now = new Date()): Promise<ActionPlan> {
    const planId = await this.db.transaction(async (tx) => {
      const objective = await this.childOf(tx, actor, SteeringObjective, objectiveId, OBJECTIVE);
      const changes = diff(objective, dto, ['title', 'description', 'position']);
      if (changes) {
        await tx.update(SteeringObjective, { id: objectiveId }, dto);
        await this.log(tx, objective.planId, actor, 'objective_updated', dto.title ?? objective.title, changes);
      }
      return objective.planId;
    });
    return this.view(this.db, planId, now);
  }

  async removeObjective(actor: Actor, objectiveId: string, now = new Date()): Promise<ActionPlan> {
    const planId = await this.db.transaction(async (tx) => {
      const objective = await this.childOf(tx, actor, SteeringObjective, objectiveId, OBJECTIVE);
      await tx.delete(SteeringObjective, { id: objectiveId });
      await this.log(tx, objective.planId, actor, 'objective_removed', objective.title, null);
      return objective.planId;
    });
    return this.view(this.db, planId, now);
  }

  async addAction(actor: Actor, planId: string, dto: ActionDto, now = new Date()): Promise<ActionPlan> {
    await this.db.transaction(async (tx) => {
      const plan = await this.planOf(tx, actor, planId, true);
      await this.checkAction(tx, plan, dto, { startDate: null, dueDate: null });
      await tx.save(
        SteeringAction,
        tx.create(SteeringAction, {
          planId,
          title: dto.title,
          description: dto.description ?? null,
          objectiveId: dto.objectiveId ?? null,
          owner: dto.owner ?? null,
          startDate: dto.startDate ?? null,
          dueDate: dto.dueDate ?? null,
          budgetPlanned: dto.budgetPlanned ?? null,
          budgetSpent: dto.budgetSpent ?? null,
          status: dto.status ?? 'planned',
          eventIds: [...new Set(dto.eventIds ?? [])],
        }),
      );
      await this.log(tx, planId, actor, 'action_added', dto.title, null);
    });
    return this.view(this.db, planId, now);
  }

  async updateAction(actor: Actor, actionId: string, dto: UpdateActionDto, now = new Date()): Promise<ActionPlan> {
    const planId = await this.db.transaction(async (tx) => {
      const action = await this.childOf(tx, actor, SteeringAction, actionId, ACTION);
      const plan = await tx.findOneByOrFail(SteeringPlan, { id: action.planId });
      await this.checkAction(tx, plan, dto, action);
      const patch = { ...dto, ...(dto.eventIds ? { eventIds: [...new Set(dto.eventIds)] } : {}) };
      const changes = diff(action, patch, [
        'title',
        'description',
        'objectiveId',
        'owner',
        'startDate',
        'dueDate',
        'budgetPlanned',
        'budgetSpent',
        'status',
        'eventIds',
      ]);
      if (changes) {
        await tx.update(SteeringAction, { id: actionId }, patch);
        await this.log(tx, action.planId, actor, 'action_updated', dto.title ?? action.title, changes);
      }
      return action.planId;
    });
    return this.view(this.db, planId, now);
  }

  async removeAction(actor: Actor, actionId: string, now = new Date()): Promise<ActionPlan> {
    const planId = await this.db.transaction(async (tx) => {
      const action = await this.childOf(tx, actor, SteeringAction, actionId, ACTION);
      await tx.delete(SteeringAction, { id: actionId });
      await this.log(tx, action.planId, actor, 'action_removed', action.title, null);
      return action.planId;
    });
    return this.view(this.db, planId, now);
  }

  async addIndicator(actor: Actor, planId: string, dto: IndicatorDto, now = new Date()): Promise<ActionPlan> {
    await this.db.transaction(async (tx) => {
      await this.planOf(tx, actor, planId, true);
      await this.checkObjective(tx, planId, dto.objectiveId);
      await tx.save(
        SteeringIndicator,
        tx.create(SteeringIndicator, {
          planId,
          label: dto.label,
          unit: dto.unit === undefined ? DEFAULT_UNITS[dto.source] : dto.unit,
          target: dto.target ?? null,
          source: dto.source,
          objectiveId: dto.objectiveId ?? null,
        }),
      );
      await this.log(tx, planId, actor, 'indicator_added', dto.label, {
        source: { from: null, to: dto.source },
        target: { from: null, to: dto.target ?? null },
      });
    });
    return this.view(this.db, planId, now);
  }

  async updateIndicator(actor: Actor, indicatorId: string, dto: UpdateIndicatorDto, now = new Date()): Promise<ActionPlan> {
    const planId = await this.db.transaction(async (tx) => {
      const indicator = await this.childOf(tx, actor, SteeringIndicator, indicatorId, INDICATOR);
      await this.checkObjective(tx, indicator.planId, dto.objectiveId);
      const changes = diff(indicator, dto, ['label', 'unit', 'target', 'objectiveId']);
      if (changes) {
        await tx.update(SteeringIndicator, { id: indicatorId }, dto);
        await this.log(tx, indicator.planId, actor, 'indicator_updated', dto.label ?? indicator.label, changes);
      }
      return indicator.planId;
    });
    return this.view(this.db, planId, now);
  }

  async removeIndicator(actor: Actor, indicatorId: string, now = new Date()): Promise<ActionPlan> {
    const planId = await this.db.transaction(async (tx) => {
      const indicator = await this.childOf(tx, actor, SteeringIndicator, indicatorId, INDICATOR);
      await tx.delete(SteeringIndicator, { id: indicatorId });
      await this.log(tx, indicator.planId, actor, 'indicator_removed', indicator.label, null);
      return indicator.planId;
    });
    return this.view(this.db, planId, now);
  }

  async addEntry(actor: Actor, indicatorId: string, dto: EntryDto, now = new Date()): Promise<ActionPlan> {
    const planId = await this.db.transaction(async (tx) => {
      const indicator = await this.childOf(tx, actor, SteeringIndicator, indicatorId, INDICATOR);
      if (indicator.source !== 'manual') throw SteeringErrors.manualOnly();
      if (dto.date > parisDay(now)) throw SteeringErrors.futureDate('date');
      await tx.save(
        SteeringIndicatorEntry,
        tx.create(SteeringIndicatorEntry, {
          indicatorId,
          value: dto.value,
          date: dto.date,
          comment: dto.comment ?? null,
          authorId: actor.personId,
        }),
      );
      await this.log(tx, indicator.planId, actor, 'entry_added', indicator.label, {
        value: { from: null, to: dto.value },
        date: { from: null, to: dto.date },
      });
      return indicator.planId;
    });
    return this.view(this.db, planId, now);
  }

  async removeEntry(actor: Actor, entryId: string, now = new Date()): Promise<ActionPlan> {
    const planId = await this.db.transaction(async (tx) => {
      const entry = await tx.findOneBy(SteeringIndicatorEntry, { id: entryId });
      if (!entry) throw AppException.notFound(ENTRY);
      const indicator = await this.childOf(tx, actor, SteeringIndicator, entry.indicatorId, ENTRY);
      await tx.delete(SteeringIndicatorEntry, { id: entryId });
      await this.log(tx, indicator.planId, actor, 'entry_removed', indicator.label, {
        value: { from: entry.value, to: null },
        date: { from: entry.date, to: null },
      });
      return indicator.planId;
    });
    return this.view(this.db, planId, now);
  }

  // ---------- rules ----------

  async assertSteer(actor: Actor, networkId: string, db: Db = this.db): Promise<void> {
    if (!(await this.access.canSteerNetwork(actor, networkId, db))) throw AppException.notFound(NETWORK);
  }

  /** The plan, if the caller steers its network (404 otherwise); `lock`: for update, in a transaction. */
  private async planOf(db: Db | EntityManager, actor: Actor, planId: string, lock = false): Promise<SteeringPlan> {
    const [row]: SteeringPlanRow[] = await db.query(`SELECT * FROM steering_plans WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [planId]);
    if (!row || !(await this.access.canSteerNetwork(actor, row.network_id, db))) throw AppException.notFound(PLAN);
    return {
      id: row.id,
      networkId: row.network_id,
      year: row.year,
      title: row.title,
      summary: row.summary,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private async childOf<T extends { planId: string }>(
    tx: EntityManager,
    actor: Actor,
    entity: new () => T,
    id: string,
    what: string,
  ): Promise<T> {
    const row = await tx.findOneBy(entity, { id } as never);
    if (!row) throw AppException.notFound(what);
    try {
      await this.planOf(tx, actor, row.planId, true);
    } catch {
      throw AppException.notFound(what);
    }
    return row;
  }

  private async checkObjective(tx: Db, planId: string, objectiveId: string | null | undefined): Promise<void> {
    if (!objectiveId) return;
    const [ok] = await tx.query('SELECT 1 FROM steering_objectives WHERE id = $1 AND plan_id = $2', [objectiveId, planId]);
    if (!ok) throw SteeringErrors.invalidObjective();
  }

  private async checkAction(
    tx: Db,
    plan: SteeringPlan,
    dto: UpdateActionDto,
    current: { startDate: string | null; dueDate: string | null },
  ): Promise<void> {
    const start = dto.startDate === undefined ? current.startDate : dto.startDate;
    const due = dto.dueDate === undefined ? current.dueDate : dto.dueDate;
    if (start && due && due < start) throw SteeringErrors.dueBeforeStart();
    await this.checkObjective(tx, plan.id, dto.objectiveId);
    if (dto.eventIds?.length) {
      const unique = [...new Set(dto.eventIds)];
      const found = await this.agenda.steeringEvents(tx, plan.networkId, unique);
      if (found.length !== unique.length) throw SteeringErrors.invalidEvents();
    }
  }

  private async log(
    tx: EntityManager,
    planId: string,
    actor: Actor,
    kind: ActionPlanHistoryKind,
    label: string,
    changes: SteeringPlanHistory['changes'],
  ): Promise<void> {
    await tx.insert(SteeringPlanHistory, { planId, kind, label: label.slice(0, 200), changes: changes as never, actorId: actor.personId });
    await tx.query('UPDATE steering_plans SET updated_at = now() WHERE id = $1', [planId]);
    // Every change is logged here: the network's cockpit line follows in the same transaction.
    await this.lines.writeForPlan(tx, planId, new Date());
  }
}

interface SteeringPlanRow {
  id: string;
  network_id: string;
  year: number;
  title: string;
  summary: string | null;
  status: SteeringPlan['status'];
  created_at: Date;
  updated_at: Date;
}
interface ActionRow {
  id: string;
  title: string;
  description: string | null;
  objective_id: string | null;
  owner: string | null;
  start_date: string | null;
  due_date: string | null;
  budget_planned: string | null;
  budget_spent: string | null;
  status: SteeringAction['status'];
  event_ids: string[];
  updated_at: Date;
}
interface IndicatorRow {
  id: string;
  label: string;
  unit: string | null;
  target: number | null;
  source: IndicatorSource;
  objective_id: string | null;
}
interface EntryRow {
  id: string;
  indicator_id: string;
  value: number;
  date: string;
  comment: string | null;
  author_id: string | null;
  created_at: Date;
}

/** The fields of `patch` that change `current`, before and after; null when nothing changes. */
function diff(current: object, patch: object, fields: string[]): Record<string, { from: unknown; to: unknown }> | null {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) {
    const to = (patch as Record<string, unknown>)[f];
    const from = (current as Record<string, unknown>)[f] ?? null;
    if (to !== undefined && JSON.stringify(to) !== JSON.stringify(from)) changes[f] = { from, to };
  }
  return Object.keys(changes).length ? changes : null;
}

/** A day moved by whole years (29 February becomes 28 February in a common year). */
export function shiftYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
