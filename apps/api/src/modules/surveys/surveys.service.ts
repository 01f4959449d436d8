import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  SURVEY_LONG_TEXT_MAX,
  SURVEY_NUMBER_ABS_MAX,
  SURVEY_SHORT_TEXT_MAX,
  type SurveyAnswerValue,
  type SurveyAudience,
  type SurveyOptions,
  type SurveyQuestion as SurveyQuestionView,
  type SurveyQuestionResult,
  type SurveyResults,
  type SurveySummary,
  type SurveyView,
} from '@maillage/contracts';
import { findCommune } from '@maillage/referentials';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { JobRunner } from '../../core/jobs/job-runner';
import { CompaniesService } from '../companies/companies.service';
import { NetworksService } from '../networks/networks.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { PeopleService } from '../people/people.service';
import type { SurveyAnswerDto, SurveyDraftDto } from './dto/surveys.dto';
import { SurveyNetwork } from './entities/survey-network.entity';
import { SurveyQuestion } from './entities/survey-question.entity';
import { Survey } from './entities/survey.entity';
import { SURVEY, SurveyErrors } from './surveys.errors';

const CHOICE_KINDS = new Set(['single', 'multiple']);
const REMIND_EVERY_MS = 60 * 60 * 1000;
const SCHEDULED_REMINDERS_TICK_MS = 5 * 60 * 1000;
const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });

export const departementOfCommune = (code: string): string | null => findCommune(code)?.departement.code ?? null;

/** A survey with what the reader may do with it. */
interface Loaded {
  survey: Survey;
  owner: boolean;
  recipient: boolean;
  rights: ReturnType<AccessPolicy['surveyRights']>;
}

/** Questionnaires: drafting, audiences, sending and reminders (notifications), answers, results and exports (README.md). */
@Injectable()
export class SurveysService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly networks: NetworksService,
    private readonly companies: CompaniesService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Tests drive the scheduled reminders by calling runScheduledReminders themselves.
    jobs.every({
      name: 'surveys.reminders',
      everyMs: config.NODE_ENV === 'test' ? 0 : SCHEDULED_REMINDERS_TICK_MS,
      run: (now) => this.runScheduledReminders(now).then(() => undefined),
    });
  }

  /** What the person may choose as an audience. */
  async options(actor: Actor): Promise<SurveyOptions> {
    const [ids, organizations] = await Promise.all([
      this.access.managedNetworkIds(actor),
      this.access.surveyTerritories(actor, departementOfCommune),
    ]);
    const networks = await this.networkNames(actor, ids.slice(0, 500));
    return {
      networks: [...networks].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      organizations,
    };
  }

  async list(actor: Actor): Promise<SurveySummary[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT s.id FROM surveys s
       WHERE s.author_id = $1 OR $2::boolean
          OR (s.organization_id IS NOT NULL AND EXISTS (SELECT 1 FROM organization_staff st WHERE st.organization_id = s.organization_id AND st.person_id = $1))
          OR (s.status <> 'draft' AND EXISTS (SELECT 1 FROM survey_recipients r WHERE r.survey_id = s.id AND r.person_id = $1))
       ORDER BY coalesce(s.sent_at, s.created_at) DESC LIMIT 200`,
      [actor.personId, this.access.isPlatformAdmin(actor)],
    );
    const result: SurveySummary[] = [];
    for (const { id } of rows) {
      const loaded = await this.load(actor, id);
      if (loaded.rights.read) result.push(await this.summary(actor, loaded));
    }
    return result;
  }

  async get(actor: Actor, id: string): Promise<SurveyView> {
    const loaded = await this.readable(actor, id);
    const { survey, owner, rights } = loaded;
    const [questions, audience, companies] = await Promise.all([
      this.questions(survey.id),
      this.audienceOf(survey),
      this.companiesAsked(actor, survey),
    ]);
    return {
      ...(await this.summary(actor, loaded)),
      intro: survey.intro,
      audience,
      audienceLabel: owner ? await this.audienceLabel(actor, survey, audience) : '',
      questions,
      resultsShared: survey.resultsShared,
      lastRemindedAt: owner ? (survey.lastRemindedAt?.toISOString() ?? null) : null,
      reminderDays: owner ? survey.reminderDays : [],
      companies,
      canAnswer:
        rights.answer && (survey.answerPer === 'person' ? !(await this.answered(actor, survey)) : companies.some((c) => !c.answered)),
      canSeeResults: rights.seeResults,
    };
  }

  async create(actor: Actor, dto: SurveyDraftDto): Promise<SurveyView> {
    const draft = await this.checkDraft(actor, dto);
    const id = await this.db.transaction(async (tx) => {
      const saved = await tx.save(Survey, tx.create(Survey, { ...draft.fields, authorId: actor.personId, status: 'draft' }));
      await this.writeParts(tx, saved.id, draft);
      return saved.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: SurveyDraftDto): Promise<SurveyView> {
    const { survey } = await this.manageable(actor, id);
    if (survey.status !== 'draft') throw SurveyErrors.notDraft();
    const draft = await this.checkDraft(actor, dto);
    await this.db.transaction(async (tx) => {
      const [row]: { status: string }[] = await tx.query('SELECT status FROM surveys WHERE id = $1 FOR UPDATE', [id]);
      if (row?.status !== 'draft') throw SurveyErrors.notDraft();
      await tx.update(Survey, { id }, draft.fields);
      await tx.delete(SurveyQuestion, { surveyId: id });
      await tx.delete(SurveyNetwork, { surveyId: id });
      await this.writeParts(tx, id, draft);
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const { survey } = await this.manageable(actor, id);
    if (survey.status !== 'draft') throw SurveyErrors.notDraft();
    await this.db.query("DELETE FROM surveys WHERE id = $1 AND status = 'draft'", [id]);
  }

  /** Freezes the audience as recipients, opens the survey and tells them (in-app and by e-mail), all in one transaction. */
  async send(actor: Actor, id: string): Promise<SurveyView> {
    const { survey } = await this.manageable(actor, id);
    if (survey.status !== 'draft') throw SurveyErrors.notDraft();
    if (survey.closesAt && survey.closesAt <= new Date()) throw SurveyErrors.closesInPast();
    // The audience is checked again: the author may have stopped running a network since the draft was saved.
    const audience = await this.audienceOf(survey);
    await this.checkAudience(actor, audience);
    const sender = await this.senderName(actor, survey);
    const notify = await this.db.transaction(async (tx) => {
      const [row]: { status: string }[] = await tx.query('SELECT status FROM surveys WHERE id = $1 FOR UPDATE', [id]);
      if (row?.status !== 'draft') throw SurveyErrors.notDraft();
      const sql =
        audience.kind === 'networks'
          ? this.access.surveyAudienceSql({ networks: '$2::uuid[]' })
          : this.access.surveyAudienceSql({ departements: '$2::text[]', communes: '$3::text[]' });
      const params = audience.kind === 'networks' ? [id, audience.networkIds] : [id, audience.departements, audience.communes];
      await tx.query(
        `INSERT INTO survey_recipients (survey_id, person_id, company_id) SELECT $1, a.person_id, a.company_id FROM (${sql}) a ON CONFLICT DO NOTHING`,
        params,
      );
      const people: { person_id: string }[] = await tx.query('SELECT DISTINCT person_id FROM survey_recipients WHERE survey_id = $1', [id]);
      if (!people.length) throw SurveyErrors.emptyAudience();
      await tx.query("UPDATE surveys SET status = 'open', sent_at = now(), updated_at = now() WHERE id = $1", [id]);
      return this.notifications.notify(
        tx,
        this.notice(
          actor.personId,
          survey,
          sender,
          'survey.invitation',
          people.map((p) => p.person_id),
        ),
      );
    });
    notify.publish();
    return this.get(actor, id);
  }

  /** Tells again those who have not answered (in company mode: the people of the companies without an answer). */
  async remind(actor: Actor, id: string): Promise<{ reminded: number }> {
    const { survey, rights } = await this.manageable(actor, id);
    if (!rights.answer && survey.status !== 'open') throw SurveyErrors.notOpen();
    if (survey.closesAt && survey.closesAt <= new Date()) throw SurveyErrors.notOpen();
    const sender = await this.senderName(actor, survey);
    const result = await this.db.transaction(async (tx) => {
      const [row]: { last: Date | null }[] = await tx.query('SELECT last_reminded_at AS last FROM surveys WHERE id = $1 FOR UPDATE', [id]);
      if (row.last && Date.now() - row.last.getTime() < REMIND_EVERY_MS) throw SurveyErrors.remindedRecently();
      const people: { person_id: string }[] = await tx.query(
        `SELECT DISTINCT r.person_id FROM survey_recipients r WHERE r.survey_id = $1 AND ${notAnswered(survey)}`,
        [id],
      );
      await tx.query('UPDATE surveys SET last_reminded_at = now() WHERE id = $1', [id]);
      await tx.query('UPDATE survey_recipients SET reminded_at = now() WHERE survey_id = $1 AND person_id = ANY($2::uuid[])', [
        id,
        people.map((p) => p.person_id),
      ]);
      const notified = await this.notifications.notify(
        tx,
        this.notice(
          actor.personId,
          survey,
          sender,
          'survey.reminder',
          people.map((p) => p.person_id),
        ),
      );
      return { notified, reminded: people.length };
    });
    result.notified.publish();
    return { reminded: result.reminded };
  }

  /**
   * The scheduled reminders due at `now` (N days before closing, N among the survey's `reminderDays`, and only those
   * whose moment came after the sending): each person who has not answered (its author aside) gets each reminder once, the
   * (survey, days, person) row being the claim, written in the transaction of the notification; preferences apply
   * (in-app, immediate e-mail, digest or nothing). Returns how many people were reminded.
   */
  async runScheduledReminders(now: Date): Promise<number> {
    const due: { id: string; days: number }[] = await this.db.query(
      `SELECT s.id, d.days FROM surveys s CROSS JOIN LATERAL unnest(s.reminder_days) AS d(days)
       WHERE s.status = 'open' AND s.closes_at > $1 AND s.closes_at - make_interval(days => d.days) <= $1
         AND s.sent_at < s.closes_at - make_interval(days => d.days)
       ORDER BY s.closes_at, s.id, d.days DESC`,
      [now],
    );
    let reminded = 0;
    for (const { id, days } of due) {
      const survey = await this.db.manager.findOneBy(Survey, { id });
      if (!survey) continue;
      const sender = survey.organizationId
        ? await this.organizations.get(survey.organizationId).then(
            (o) => o.name,
            () => '',
          )
        : ((survey.authorId && (await this.people.namesOf([survey.authorId])).get(survey.authorId)) ?? '');
      const result = await this.db.transaction(async (tx) => {
        // The survey row is locked: a closing or another run waits, and the survey must still be open.
        const [open]: unknown[] = await tx.query("SELECT 1 FROM surveys WHERE id = $1 AND status = 'open' AND closes_at > $2 FOR UPDATE", [
          id,
          now,
        ]);
        if (!open) return null;
        const claimed: { person_id: string }[] = await tx.query(
          `INSERT INTO survey_scheduled_reminders (survey_id, days_before, person_id)
           SELECT DISTINCT $1::uuid, $2::smallint, r.person_id FROM survey_recipients r
           WHERE r.survey_id = $1 AND r.person_id IS DISTINCT FROM $3::uuid AND ${notAnswered(survey)}
           ON CONFLICT DO NOTHING RETURNING person_id`,
          [id, days, survey.authorId],
        );
        const people = claimed.map((r) => r.person_id);
        if (!people.length) return null;
        await tx.query('UPDATE survey_recipients SET reminded_at = $3 WHERE survey_id = $1 AND person_id = ANY($2::uuid[])', [
          id,
          people,
          now,
        ]);
        return {
          notified: await this.notifications.notify(tx, this.notice(survey.authorId, survey, sender, 'survey.reminder', people)),
          count: people.length,
        };
      });
      if (!result) continue;
      result.notified.publish();
      reminded += result.count;
    }
    return reminded;
  }

  async close(actor: Actor, id: string): Promise<SurveyView> {
    const { survey } = await this.manageable(actor, id);
    if (survey.status !== 'open') throw SurveyErrors.notOpen();
    await this.db.query(
      "UPDATE surveys SET status = 'closed', closes_at = LEAST(coalesce(closes_at, now()), now()), updated_at = now() WHERE id = $1 AND status = 'open'",
      [id],
    );
    return this.get(actor, id);
  }

  async setResultsShared(actor: Actor, id: string, shared: boolean): Promise<SurveyView> {
    await this.manageable(actor, id);
    await this.db.query('UPDATE surveys SET results_shared = $2, updated_at = now() WHERE id = $1', [id, shared]);
    return this.get(actor, id);
  }

  /** One answer sheet: every value checked against its question first; a second one of the same respondent is a 409. */
  async answer(actor: Actor, id: string, dto: SurveyAnswerDto): Promise<SurveyView> {
    const { survey, rights } = await this.readable(actor, id);
    if (!rights.answer) throw rights.read && survey.status !== 'draft' ? SurveyErrors.notOpen() : AppException.notFound(SURVEY);
    const asked: { company_id: string }[] = await this.db.query(
      'SELECT company_id FROM survey_recipients WHERE survey_id = $1 AND person_id = $2',
      [id, actor.personId],
    );
    let companyId: string;
    if (dto.companyId) {
      if (!asked.some((a) => a.company_id === dto.companyId)) throw SurveyErrors.company();
      companyId = dto.companyId;
    } else if (survey.answerPer === 'person' || asked.length === 1) {
      companyId = asked[0].company_id;
    } else {
      throw SurveyErrors.company();
    }
    const answers = this.checkAnswers(await this.questions(id), dto.answers);
    const key = survey.answerPer === 'company' ? `company:${companyId}` : `person:${actor.personId}`;
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO survey_responses (survey_id, respondent_key, person_id, company_id, answers)
       SELECT $1, $2, $3, $4, $5::jsonb WHERE EXISTS (SELECT 1 FROM surveys WHERE id = $1 AND status = 'open' AND (closes_at IS NULL OR closes_at > now()))
       ON CONFLICT (survey_id, respondent_key) DO NOTHING RETURNING id`,
      [id, key, actor.personId, companyId, JSON.stringify(answers)],
    );
    if (!inserted.length) {
      const [still]: { open: boolean }[] = await this.db.query(
        "SELECT (status = 'open' AND (closes_at IS NULL OR closes_at > now())) AS open FROM surveys WHERE id = $1",
        [id],
      );
      throw still?.open ? SurveyErrors.alreadyAnswered() : SurveyErrors.notOpen();
    }
    return this.get(actor, id);
  }

  /** Aggregated results: owners read the texts too; respondents only what the owners shared, never a text. */
  async results(actor: Actor, id: string): Promise<SurveyResults> {
    const { survey, rights } = await this.readable(actor, id);
    if (!rights.seeResults) throw AppException.notFound(SURVEY);
    const [questions, responses] = await Promise.all([this.questions(id), this.responses(id)]);
    const recipients = rights.seeAnswers ? await this.recipientCount(survey) : null;
    return {
      surveyId: id,
      title: survey.title,
      responses: responses.length,
      recipients,
      questions: questions.map((q) =>
        aggregate(
          q,
          responses.map((r) => r.answers[q.id] ?? null),
          rights.seeAnswers,
        ),
      ),
    };
  }

  /** Every answer sheet, for the owners' exports: number, date, company, person, then one column per question. */
  async answerSheets(
    actor: Actor,
    id: string,
  ): Promise<{ survey: Survey; questions: SurveyQuestionView[]; rows: (string | number | null)[][] }> {
    const { survey } = await this.manageable(actor, id);
    const [questions, responses] = await Promise.all([this.questions(id), this.responses(id)]);
    const [companyNames, personNames] = await Promise.all([
      this.companies.namesOf(
        this.db,
        responses.flatMap((r) => (r.company_id ? [r.company_id] : [])),
      ),
      this.people.namesOf(responses.flatMap((r) => (r.person_id ? [r.person_id] : []))),
    ]);
    const rows = responses.map((r, index) => [
      index + 1,
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(r.submitted_at),
      r.company_id ? (companyNames.get(r.company_id) ?? null) : null,
      r.person_id ? (personNames.get(r.person_id) ?? null) : null,
      ...questions.map((q) => cell(q, r.answers[q.id] ?? null)),
    ]);
    return { survey, questions, rows };
  }

  // ---------- internals ----------

  private async load(actor: Actor, id: string): Promise<Loaded> {
    const survey = await this.db.getRepository(Survey).findOneBy({ id });
    if (!survey) throw AppException.notFound(SURVEY);
    const [owner, recipient] = await Promise.all([
      this.access.isSurveyOwner(actor, survey),
      this.db
        .query('SELECT 1 FROM survey_recipients WHERE survey_id = $1 AND person_id = $2 LIMIT 1', [id, actor.personId])
        .then((r: unknown[]) => r.length > 0),
    ]);
    return { survey, owner, recipient, rights: this.access.surveyRights(survey, owner, recipient) };
  }

  /** A survey the person may read; absent and forbidden look the same. */
  private async readable(actor: Actor, id: string): Promise<Loaded> {
    const loaded = await this.load(actor, id);
    if (!loaded.rights.read) throw AppException.notFound(SURVEY);
    return loaded;
  }

  private async manageable(actor: Actor, id: string): Promise<Loaded> {
    const loaded = await this.readable(actor, id);
    if (!loaded.rights.manage) throw AppException.notFound(SURVEY);
    return loaded;
  }

  private async summary(actor: Actor, { survey, owner }: Loaded): Promise<SurveySummary> {
    const [recipients, responses] = owner
      ? await Promise.all([
          this.recipientCount(survey),
          this.db
            .query('SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1', [survey.id])
            .then((r: { n: number }[]) => r[0].n),
        ])
      : [null, null];
    const closed = survey.status === 'closed' || (survey.status === 'open' && survey.closesAt !== null && survey.closesAt <= new Date());
    return {
      id: survey.id,
      title: survey.title,
      status: closed ? 'closed' : survey.status,
      closesAt: survey.closesAt?.toISOString() ?? null,
      sentAt: survey.sentAt?.toISOString() ?? null,
      answerPer: survey.answerPer,
      recipients,
      responses,
      answered: await this.answered(actor, survey),
      isOwner: owner,
    };
  }

  /** Recipients: people in person mode, companies in company mode. */
  private async recipientCount(survey: Survey): Promise<number> {
    const what = survey.answerPer === 'company' ? 'DISTINCT company_id' : 'DISTINCT person_id';
    const [row]: { n: number }[] = await this.db.query(`SELECT count(${what})::int AS n FROM survey_recipients WHERE survey_id = $1`, [
      survey.id,
    ]);
    return row.n;
  }

  /** Whether the person (person mode) or all of their asked companies (company mode) answered. */
  private async answered(actor: Actor, survey: Survey): Promise<boolean> {
    if (survey.answerPer === 'person') {
      const rows: unknown[] = await this.db.query('SELECT 1 FROM survey_responses WHERE survey_id = $1 AND respondent_key = $2', [
        survey.id,
        `person:${actor.personId}`,
      ]);
      return rows.length > 0;
    }
    const companies = await this.companiesAsked(actor, survey);
    return companies.length > 0 && companies.every((c) => c.answered);
  }

  private async companiesAsked(actor: Actor, survey: Survey): Promise<{ id: string; name: string; answered: boolean }[]> {
    const rows: { company_id: string; answered: boolean }[] = await this.db.query(
      `SELECT r.company_id, EXISTS (SELECT 1 FROM survey_responses x WHERE x.survey_id = r.survey_id AND x.respondent_key = 'company:' || r.company_id) AS answered
       FROM survey_recipients r WHERE r.survey_id = $1 AND r.person_id = $2`,
      [survey.id, actor.personId],
    );
    const names = await this.companies.namesOf(
      this.db,
      rows.map((r) => r.company_id),
    );
    return rows
      .map((r) => ({ id: r.company_id, name: names.get(r.company_id) ?? '', answered: r.answered }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  private async questions(surveyId: string): Promise<SurveyQuestionView[]> {
    const rows = await this.db.getRepository(SurveyQuestion).find({ where: { surveyId }, order: { position: 'ASC' } });
    return rows.map((q) => ({ id: q.id, kind: q.kind, label: q.label, required: q.required, choices: q.choices }));
  }

  private responses(
    surveyId: string,
  ): Promise<{ person_id: string | null; company_id: string | null; answers: Record<string, SurveyAnswerValue>; submitted_at: Date }[]> {
    return this.db.query(
      'SELECT person_id, company_id, answers, submitted_at FROM survey_responses WHERE survey_id = $1 ORDER BY submitted_at, id',
      [surveyId],
    );
  }

  private async audienceOf(survey: Survey): Promise<SurveyAudience> {
    if (survey.audienceKind === 'territory') {
      return {
        kind: 'territory',
        organizationId: survey.organizationId ?? '',
        departements: survey.departementCodes,
        communes: survey.communeCodes,
      };
    }
    const rows = await this.db.getRepository(SurveyNetwork).findBy({ surveyId: survey.id });
    return { kind: 'networks', networkIds: rows.map((r) => r.networkId) };
  }

  private async audienceLabel(actor: Actor, survey: Survey, audience: SurveyAudience): Promise<string> {
    if (audience.kind === 'networks') return [...(await this.networkNames(actor, audience.networkIds)).values()].join(', ');
    const org = (await this.access.surveyTerritories(actor, departementOfCommune)).find((o) => o.id === survey.organizationId);
    return [org?.name, [...audience.departements, ...audience.communes.map((c) => findCommune(c)?.name ?? c)].join(', ')]
      .filter(Boolean)
      .join(' — ');
  }

  private async networkNames(actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of ids) {
      const network = await this.networks.get(actor, id).catch(() => null);
      if (network) names.set(id, network.name);
    }
    return names;
  }

  /** The draft's fields once everything is checked (audience within the author's reach, questions, dates). */
  private async checkDraft(actor: Actor, dto: SurveyDraftDto) {
    const closesAt = dto.closesAt ? new Date(dto.closesAt) : null;
    if (closesAt && closesAt <= new Date()) throw SurveyErrors.closesInPast();
    const reminderDays = [...new Set(dto.reminderDays ?? [])].sort((a, b) => b - a);
    if (reminderDays.length && !closesAt) throw SurveyErrors.remindersNeedClosing();
    const audience: SurveyAudience =
      dto.audience.kind === 'networks'
        ? { kind: 'networks', networkIds: [...new Set(dto.audience.networkIds ?? [])] }
        : {
            kind: 'territory',
            organizationId: dto.audience.organizationId ?? '',
            departements: [...new Set(dto.audience.departements ?? [])],
            communes: [...new Set(dto.audience.communes ?? [])],
          };
    await this.checkAudience(actor, audience);
    const questions = dto.questions.map((q, index) => {
      const choices = (q.choices ?? []).map((c) => c.trim());
      if (CHOICE_KINDS.has(q.kind)) {
        if (choices.length < 2 || choices.some((c) => !c) || new Set(choices).size !== choices.length) throw SurveyErrors.choices(index);
      } else if (choices.length) {
        throw SurveyErrors.choices(index);
      }
      const label = q.label.trim();
      if (!label)
        throw AppException.badRequest('VALIDATION_FAILED', 'A question needs a label', [
          { field: `questions.${index}.label`, messages: ['must not be blank'] },
        ]);
      return { kind: q.kind, label, required: q.required, choices };
    });
    const title = dto.title.trim();
    if (!title)
      throw AppException.badRequest('VALIDATION_FAILED', 'A survey needs a title', [{ field: 'title', messages: ['must not be blank'] }]);
    return {
      fields: {
        title,
        intro: dto.intro?.trim() || null,
        closesAt,
        answerPer: dto.answerPer,
        audienceKind: audience.kind,
        organizationId: audience.kind === 'territory' ? audience.organizationId : null,
        departementCodes: audience.kind === 'territory' ? audience.departements : [],
        communeCodes: audience.kind === 'territory' ? audience.communes : [],
        resultsShared: dto.resultsShared ?? false,
        reminderDays,
      },
      networkIds: audience.kind === 'networks' ? audience.networkIds : [],
      questions,
    };
  }

  private async checkAudience(actor: Actor, audience: SurveyAudience): Promise<void> {
    if (audience.kind === 'networks') {
      const mine = new Set(await this.access.managedNetworkIds(actor));
      if (!audience.networkIds.length || audience.networkIds.some((id) => !mine.has(id))) throw SurveyErrors.audienceNotYours();
      return;
    }
    if (!audience.departements.length && !audience.communes.length) throw SurveyErrors.emptyTerritory();
    const org = (await this.access.surveyTerritories(actor, departementOfCommune)).find((o) => o.id === audience.organizationId);
    if (!org) throw SurveyErrors.audienceNotYours();
    const allowed = new Set(org.departements);
    for (const code of audience.communes) {
      const departement = departementOfCommune(code);
      if (!departement) throw SurveyErrors.unknownCommune(code);
      if (!allowed.has(departement)) throw SurveyErrors.audienceNotYours();
    }
    if (audience.departements.some((d) => !allowed.has(d))) throw SurveyErrors.audienceNotYours();
  }

  private async writeParts(tx: EntityManager, surveyId: string, draft: Awaited<ReturnType<SurveysService['checkDraft']>>): Promise<void> {
    if (draft.networkIds.length)
      await tx.insert(
        SurveyNetwork,
        draft.networkIds.map((networkId) => ({ surveyId, networkId })),
      );
    await tx.insert(
      SurveyQuestion,
      draft.questions.map((q, position) => ({ ...q, surveyId, position })),
    );
  }

  /** The values a respondent sent, checked against each question's kind (anything else is a 400 naming the question). */
  private checkAnswers(questions: SurveyQuestionView[], given: Record<string, SurveyAnswerValue>): Record<string, SurveyAnswerValue> {
    const byId = new Map(questions.map((q) => [q.id, q]));
    for (const key of Object.keys(given)) if (!byId.has(key)) throw SurveyErrors.answer(key, 'Not a question of this survey');
    const result: Record<string, SurveyAnswerValue> = {};
    for (const q of questions) {
      const raw = given[q.id];
      const value = checkValue(q, raw === undefined ? null : raw);
      if (value === null && q.required) throw SurveyErrors.answer(q.id, 'This question needs an answer');
      result[q.id] = value;
    }
    return result;
  }

  /** Who the invitation says it comes from: the organisation of a territory survey, else its sender. Read before any transaction (PGlite). */
  private async senderName(actor: Actor, survey: Survey): Promise<string> {
    return survey.organizationId
      ? ((await this.access.surveyTerritories(actor, departementOfCommune)).find((o) => o.id === survey.organizationId)?.name ?? '')
      : ((await this.people.namesOf([actor.personId])).get(actor.personId) ?? '');
  }

  private notice(
    actorId: string | null,
    survey: Survey,
    sender: string,
    type: 'survey.invitation' | 'survey.reminder',
    recipients: string[],
  ) {
    return {
      type,
      recipients,
      actorId,
      subject: { kind: 'survey', id: survey.id, networkId: null },
      data: { title: survey.title, sender, closes: survey.closesAt ? PARIS_DATE.format(survey.closesAt) : '' },
      path: `/enquetes/${survey.id}`,
      // Only the people frozen as its recipients (the list this very transaction wrote).
      visibleTo: async (ids: readonly string[], db: Pick<EntityManager, 'query'>) => {
        const rows: { person_id: string }[] = await db.query(
          'SELECT DISTINCT person_id FROM survey_recipients WHERE survey_id = $1 AND person_id = ANY($2::uuid[])',
          [survey.id, ids],
        );
        return new Set(rows.map((r) => r.person_id));
      },
    };
  }
}

/** SQL: recipient `r` (of survey $1) has no answer yet; in company mode, nobody answered for their company. */
function notAnswered(survey: Survey): string {
  const key = survey.answerPer === 'company' ? "'company:' || r.company_id" : "'person:' || r.person_id";
  return `NOT EXISTS (SELECT 1 FROM survey_responses x WHERE x.survey_id = $1 AND x.respondent_key = ${key})`;
}

/** A value of the question's kind, or null when left empty; throws on anything else. */
function checkValue(q: SurveyQuestionView, value: unknown): SurveyAnswerValue {
  const bad = (message: string) => SurveyErrors.answer(q.id, message);
  if (value === null || value === '') return null;
  switch (q.kind) {
    case 'single':
      if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= q.choices.length)
        throw bad('Choose one of the choices (its index)');
      return value as number;
    case 'multiple': {
      if (
        !Array.isArray(value) ||
        value.some((v) => !Number.isInteger(v) || v < 0 || v >= q.choices.length) ||
        new Set(value).size !== value.length
      ) {
        throw bad('Choose among the choices (their indexes, each once)');
      }
      return value.length ? [...(value as number[])].sort((a, b) => a - b) : null;
    }
    case 'scale':
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 5) throw bad('A whole number from 1 to 5');
      return value as number;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > SURVEY_NUMBER_ABS_MAX) throw bad('A number');
      return value;
    case 'short_text':
    case 'long_text': {
      const max = q.kind === 'short_text' ? SURVEY_SHORT_TEXT_MAX : SURVEY_LONG_TEXT_MAX;
      if (typeof value !== 'string' || value.length > max || (q.kind === 'short_text' && /[\r\n]/.test(value)))
        throw bad(`A text of at most ${max} characters`);
      return value.trim() || null;
    }
  }
}

function aggregate(q: SurveyQuestionView, values: SurveyAnswerValue[], withTexts: boolean): SurveyQuestionResult {
  const given = values.filter((v) => v !== null);
  const base = {
    questionId: q.id,
    kind: q.kind,
    label: q.label,
    answered: given.length,
    counts: [] as { label: string; count: number }[],
    average: null as number | null,
    texts: null as string[] | null,
  };
  const average = (nums: number[]) => (nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 100) / 100 : null);
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const flat = given.flatMap((v) => (Array.isArray(v) ? v : [v]));
      return { ...base, counts: q.choices.map((label, i) => ({ label, count: flat.filter((v) => v === i).length })) };
    }
    case 'scale':
      return {
        ...base,
        counts: [1, 2, 3, 4, 5].map((n) => ({ label: String(n), count: given.filter((v) => v === n).length })),
        average: average(given as number[]),
      };
    case 'number':
      return { ...base, average: average(given as number[]) };
    default:
      return { ...base, texts: withTexts ? (given as string[]) : null };
  }
}

function cell(q: SurveyQuestionView, value: SurveyAnswerValue): string | number | null {
  if (value === null) return null;
  if (q.kind === 'single') return q.choices[value as number] ?? null;
  if (q.kind === 'multiple') return (value as number[]).map((i) => q.choices[i]).join(', ');
  return value as string | number;
}
