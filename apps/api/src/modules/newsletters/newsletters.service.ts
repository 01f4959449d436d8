import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  COMPANY_ROLES,
  NEWSLETTER_ITEMS_MAX,
  type Newsletter as NewsletterView,
  type NewsletterAudience,
  type NewsletterBlock,
  type NewsletterBlockSuggestion,
  type NewsletterFigures,
  type NewsletterNetworkRef,
  type NewsletterPlatformKind,
  type NewsletterPreview,
  type NewsletterSummary,
  type NewsletterUnsubscribePreview,
} from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { MailService, type SharedBody } from '../../core/mail/mail.service';
import { AgendaService } from '../agenda/agenda.service';
import { DocumentsService } from '../documents/documents.service';
import { ForumTopicsService } from '../forums/forum-topics.service';
import { NetworksService } from '../networks/networks.service';
import { OpportunitiesService } from '../opportunities/opportunities.service';
import { NewsletterNetwork } from './entities/newsletter-network.entity';
import { Newsletter } from './entities/newsletter.entity';
import { personalise, RECIPIENT, renderNewsletter, type RenderedNewsletter } from './newsletter-render';
import { NewsletterTokens } from './newsletter-tokens';
import type { NewsletterDraftDto } from './dto/newsletters.dto';

const NEWSLETTER = 'Newsletter';
const PATH = /^\/[A-Za-z0-9\-._~/?=&%#]*$/;
const item = z.object({
  title: z.string().trim().min(1).max(200),
  detail: z.string().trim().max(300),
  path: z.string().max(300).regex(PATH),
});
const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), markdown: z.string().max(20_000) }),
  ...(['events', 'topics', 'documents', 'members', 'opportunities'] as const).map((kind) =>
    z.object({ kind: z.literal(kind), title: z.string().trim().min(1).max(150), items: z.array(item).max(NEWSLETTER_ITEMS_MAX) }),
  ),
] as [z.ZodObject<never>, ...z.ZodObject<never>[]]);
const audienceSchema = z
  .object({
    companyRoles: z
      .array(z.enum(COMPANY_ROLES as [string, ...string[]]))
      .max(3)
      .default([]),
    nafCodes: z
      .array(z.string().regex(/^\d{2}(\.\d{1,2}[A-Z]?)?$/))
      .max(50)
      .default([]),
    departements: z
      .array(z.string().regex(/^(\d{2,3}|2[AB])$/))
      .max(120)
      .default([]),
  })
  .strict();

/** One network's newsletter figures of one month (see steeringMonthly). */
export interface NewsletterSteeringMonth {
  network_id: string;
  /** `YYYY-MM`, Europe/Paris. */
  month: string;
  newsletters: number;
  recipients: number;
  clickers: number;
  unsubscribes: number;
}

interface NewsletterRow {
  id: string;
  subject: string;
  status: Newsletter['status'];
  scheduled_at: Date | null;
  sent_at: Date | null;
  updated_at: Date;
  networks: NewsletterNetworkRef[];
}

/** The SQL of a newsletter's audience (see audienceSql), as (person_id, email, locale, network_ids). */
interface AudienceQuery {
  sql: string;
  params: unknown[];
}

/**
 * Newsletters: drafts written by the people who manage every chosen network (access policy), previews, test
 * mails, scheduling, the archive and the figures. Sending is NewslettersSender's work.
 */
@Injectable()
export class NewslettersService {
  readonly tokens: NewsletterTokens;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    private readonly networks: NetworksService,
    private readonly agenda: AgendaService,
    private readonly topics: ForumTopicsService,
    private readonly documents: DocumentsService,
    private readonly opportunities: OpportunitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (!config.SESSION_SECRET) throw new Error('SESSION_SECRET is not set');
    this.tokens = new NewsletterTokens(config.SESSION_SECRET);
  }

  // ---------- reading ----------

  /** The networks the caller may write a newsletter to. */
  async writableNetworks(actor: Actor): Promise<NewsletterNetworkRef[]> {
    const ids = await this.access.managedNetworkIds(actor);
    if (!ids.length) return [];
    return this.db.query('SELECT id, name, slug FROM networks WHERE id = ANY($1::uuid[]) ORDER BY name', [ids]);
  }

  /** A network's newsletters: the sent ones for whoever may read its archive, every one for its managers. */
  async listForNetwork(actor: MaybeActor, networkId: string): Promise<NewsletterSummary[]> {
    const standing = await this.access.require(actor, 'network.see', { network: networkId }, { hide: 'Network' });
    const manager = this.access.canManageNetwork(standing);
    if (!manager && !this.canReadArchive(standing)) return [];
    const rows = await this.rows('nn.network_id = $1 AND (n.status = $2 OR $3::boolean)', [networkId, 'sent', manager]);
    return rows.map(summaryOf);
  }

  async get(actor: MaybeActor, id: string): Promise<NewsletterView> {
    const { row, entity, canManage } = await this.readable(actor, id);
    const author = entity.authorId
      ? ((
          await this.db.query('SELECT id AS "personId", first_name AS "firstName", last_name AS "lastName" FROM people WHERE id = $1', [
            entity.authorId,
          ])
        )[0] ?? null)
      : null;
    return {
      ...summaryOf(row),
      blocks: entity.blocks,
      audience: entity.audience,
      author,
      canManage,
      figures: canManage && entity.status !== 'draft' ? await this.figures(id) : null,
    };
  }

  /** The web version of a sent newsletter (its archive), or a preview of a draft for its managers. */
  async archive(actor: MaybeActor, id: string): Promise<{ html: string }> {
    const { entity, canManage } = await this.readable(actor, id);
    if (entity.archiveHtml) return { html: entity.archiveHtml };
    if (!canManage) throw AppException.notFound(NEWSLETTER);
    return { html: (await this.render(entity)).archiveHtml };
  }

  /**
   * The figures of a newsletter (the steering indicators read them through this service): its recipients,
   * the mails' states in the outbox, unsubscriptions through its links and clicks counted by the redirect.
   */
  async figures(id: string): Promise<NewsletterFigures> {
    const [[r], [u], [c], mails] = await Promise.all([
      this.db.query(
        `SELECT count(*)::int AS recipients, count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
                count(*) FILTER (WHERE status = 'queued')::int AS queued FROM newsletter_recipients WHERE newsletter_id = $1`,
        [id],
      ),
      this.db.query('SELECT count(DISTINCT person_id)::int AS n FROM newsletter_unsubscribes WHERE newsletter_id = $1', [id]),
      this.db.query(
        'SELECT count(*)::int AS clicks, count(DISTINCT person_id)::int AS clickers FROM newsletter_clicks WHERE newsletter_id = $1',
        [id],
      ),
      this.mail.countsByRef(mailRef(id)),
    ]);
    return { ...r, sent: mails.sent, failed: mails.failed, unsubscribed: u.n, clicks: c.clicks, clickers: c.clickers };
  }

  /**
   * Each network's newsletter figures per Europe/Paris month from `from` (a day) on, for the steering job: newsletters
   * sent, recipients reached through that network (mails handed to the outbox), those of them who clicked a link, and
   * the people who unsubscribed from that network's newsletters. Months without any are left out.
   */
  async steeringMonthly(db: Pick<EntityManager, 'query'>, from: string): Promise<NewsletterSteeringMonth[]> {
    return db.query(
      `WITH sent AS (
         SELECT nn.network_id, n.id, to_char(n.sent_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month
         FROM newsletters n JOIN newsletter_networks nn ON nn.newsletter_id = n.id
         WHERE n.sent_at IS NOT NULL AND n.sent_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris')),
       figures AS (
         SELECT s.network_id, s.month, count(DISTINCT s.id)::int AS newsletters,
                count(r.person_id)::int AS recipients,
                count(r.person_id) FILTER (WHERE EXISTS (SELECT 1 FROM newsletter_clicks c WHERE c.newsletter_id = s.id AND c.person_id = r.person_id))::int AS clickers
         FROM sent s LEFT JOIN newsletter_recipients r ON r.newsletter_id = s.id AND r.status = 'queued' AND s.network_id = ANY(r.network_ids)
         GROUP BY 1, 2),
       gone AS (
         SELECT network_id, to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month, count(*)::int AS unsubscribes
         FROM newsletter_unsubscribes WHERE created_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris') GROUP BY 1, 2)
       SELECT coalesce(f.network_id, g.network_id) AS network_id, coalesce(f.month, g.month) AS month,
              coalesce(f.newsletters, 0) AS newsletters, coalesce(f.recipients, 0) AS recipients,
              coalesce(f.clickers, 0) AS clickers, coalesce(g.unsubscribes, 0) AS unsubscribes
       FROM figures f FULL JOIN gone g ON g.network_id = f.network_id AND g.month = f.month`,
      [from],
    );
  }

  // ---------- writing ----------

  async create(actor: Actor, dto: NewsletterDraftDto): Promise<NewsletterView> {
    const input = await this.checkDraft(actor, dto);
    const id = await this.db.transaction(async (tx) => {
      const saved = await tx.save(Newsletter, tx.create(Newsletter, { ...input.fields, authorId: actor.personId, status: 'draft' }));
      await tx.insert(
        NewsletterNetwork,
        input.networkIds.map((networkId) => ({ newsletterId: saved.id, networkId })),
      );
      return saved.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: NewsletterDraftDto): Promise<NewsletterView> {
    const current = await this.editable(actor, id);
    const input = await this.checkDraft(actor, dto);
    await this.db.transaction(async (tx) => {
      await tx.update(Newsletter, current.id, input.fields);
      await tx.delete(NewsletterNetwork, { newsletterId: id });
      await tx.insert(
        NewsletterNetwork,
        input.networkIds.map((networkId) => ({ newsletterId: id, networkId })),
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.editable(actor, id);
    await this.db.manager.delete(Newsletter, { id, status: In(['draft', 'scheduled']) });
  }

  /** Sends now or at a future date: the worker picks it up then. */
  async send(actor: Actor, id: string, scheduledAt: string | null | undefined): Promise<NewsletterView> {
    const newsletter = await this.editable(actor, id);
    const at = scheduledAt ? new Date(scheduledAt) : new Date();
    if (scheduledAt && at.getTime() <= Date.now())
      throw AppException.badRequest('SCHEDULED_IN_PAST', 'The sending date must be in the future');
    if (scheduledAt && at.getTime() > Date.now() + 366 * 86_400_000)
      throw AppException.badRequest('SCHEDULED_TOO_LATE', 'The sending date must be within a year');
    if (!newsletter.blocks.length) throw AppException.badRequest('NEWSLETTER_EMPTY', 'The newsletter has no content');
    const networkIds = await this.networkIdsOf(id);
    const audience = this.audienceSql(networkIds, newsletter.audience);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM (${audience.sql}) a`, audience.params);
    if (!n) throw AppException.badRequest('NO_RECIPIENTS', 'Nobody would receive this newsletter');
    // Only a draft or a scheduled one moves (another request may have sent it meanwhile).
    const [moved]: [{ id: string }[]] = await this.db.query(
      `UPDATE newsletters SET status = 'scheduled', scheduled_at = $2, updated_at = now() WHERE id = $1 AND status IN ('draft', 'scheduled') RETURNING id`,
      [id, at],
    );
    if (!moved.length) throw AppException.conflict('NEWSLETTER_SENT', 'This newsletter is already being sent');
    return this.get(actor, id);
  }

  /** A scheduled newsletter back to a draft. */
  async unschedule(actor: Actor, id: string): Promise<NewsletterView> {
    await this.editable(actor, id);
    await this.db.query(
      `UPDATE newsletters SET status = 'draft', scheduled_at = NULL, updated_at = now() WHERE id = $1 AND status = 'scheduled'`,
      [id],
    );
    return this.get(actor, id);
  }

  async preview(actor: Actor, id: string): Promise<NewsletterPreview> {
    const newsletter = await this.manageable(actor, id);
    const rendered = await this.render(newsletter);
    const audience = this.audienceSql(await this.networkIdsOf(id), newsletter.audience);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM (${audience.sql}) a`, audience.params);
    return { subject: newsletter.subject, html: rendered.archiveHtml, text: rendered.mailText, recipientCount: n };
  }

  /** The mail as its recipients will get it, to the caller's own address (their token works: unsubscribing is real). */
  async sendTest(actor: Actor, id: string): Promise<void> {
    const newsletter = await this.manageable(actor, id);
    const [me] = await this.db.query('SELECT email FROM people WHERE id = $1', [actor.personId]);
    const rendered = await this.render(newsletter);
    await this.mail.queue([
      this.mailFor(newsletter, rendered, { personId: actor.personId, email: me.email }, `[Test] ${newsletter.subject}`, null),
    ]);
  }

  /** Items from the platform for a block, as the caller sees them (then edited in the composer). */
  async suggest(actor: Actor, kind: NewsletterPlatformKind, networkIds: string[]): Promise<NewsletterBlockSuggestion> {
    await this.checkNetworks(actor, networkIds);
    // Several networks: only what anyone may see, so that a private network's content never reaches another's members.
    const reader: MaybeActor = networkIds.length === 1 ? actor : null;
    const items: NewsletterBlockSuggestion['items'] = [];
    const fmt = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
    for (const networkId of networkIds) {
      if (kind === 'events') {
        const from = new Date();
        const events = await this.agenda.list(reader, {
          networkId,
          from: from.toISOString(),
          to: new Date(from.getTime() + 90 * 86_400_000).toISOString(),
        });
        for (const e of events.filter((e) => e.status === 'published'))
          items.push({
            title: e.title,
            detail: [fmt.format(new Date(e.startsAt)), e.communeName].filter(Boolean).join(' · '),
            path: `/evenements/${e.id}`,
          });
      } else if (kind === 'topics') {
        const page = await this.topics
          .list(reader, networkId, { page: 1, pageSize: NEWSLETTER_ITEMS_MAX, filter: 'all' })
          .catch(() => null);
        for (const t of page?.items ?? [])
          items.push({
            title: t.title,
            detail: `${t.author?.firstName ?? ''} ${t.author?.lastName ?? ''}`.trim(),
            path: `/forum/sujets/${t.id}`,
          });
      } else if (kind === 'documents') {
        const library = await this.documents.library(reader, networkId, undefined).catch(() => null);
        const docs = [...(library?.documents ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        for (const d of docs) items.push({ title: d.title, detail: d.description.slice(0, 140), path: `/reseaux/${networkId}/documents` });
      } else if (kind === 'opportunities') {
        // Only what every recipient may see: shown to this network or public. With several networks, public ones only
        // (one network's opportunity never goes to another network's members).
        const open = await this.opportunities.openForNetwork(networkId, NEWSLETTER_ITEMS_MAX);
        const deadline = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });
        for (const o of open.filter((o) => networkIds.length === 1 || o.audience === 'public'))
          if (!items.some((i) => i.path === `/opportunites/${o.id}`))
            items.push({
              title: o.title,
              detail: [o.company.name, `avant le ${deadline.format(new Date(`${o.deadline}T12:00:00Z`))}`].join(' · '),
              path: `/opportunites/${o.id}`,
            });
      } else {
        const members = await this.networks.members(reader, networkId).catch(() => []);
        const since = Date.now() - 90 * 86_400_000;
        for (const m of members
          .filter((m) => m.status === 'active' && new Date(m.since).getTime() >= since)
          .sort((a, b) => b.since.localeCompare(a.since)))
          items.push({ title: m.tradeName ?? m.legalName, detail: m.nafCode ?? '', path: `/entreprises/${m.companyId}` });
      }
    }
    const titles: Record<NewsletterPlatformKind, string> = {
      events: 'Prochains événements',
      topics: 'Sujets récents du forum',
      documents: 'Nouveaux documents',
      members: 'Nouveaux membres',
      opportunities: 'Opportunités ouvertes',
    };
    return { kind, title: titles[kind], items: items.slice(0, NEWSLETTER_ITEMS_MAX) };
  }

  // ---------- recipients' links ----------

  async unsubscribePreview(token: string): Promise<NewsletterUnsubscribePreview[]> {
    const claim = this.claim(token);
    const rows: (NewsletterNetworkRef & { unsubscribed: boolean })[] = await this.db.query(
      `SELECT n.id, n.name, n.slug, EXISTS (SELECT 1 FROM newsletter_unsubscribes u WHERE u.person_id = r.person_id AND u.network_id = n.id) AS unsubscribed
       FROM newsletter_recipients r JOIN networks n ON n.id = ANY(r.network_ids) WHERE r.newsletter_id = $1 AND r.person_id = $2 ORDER BY n.name`,
      [claim.newsletterId, claim.personId],
    );
    if (!rows.length) throw AppException.notFound('Subscription');
    return rows.map(({ unsubscribed, ...network }) => ({ network, unsubscribed }));
  }

  /** Stops the newsletters of the networks the person got this one through (RFC 8058 one-click, and the web page). */
  async unsubscribe(token: string): Promise<NewsletterUnsubscribePreview[]> {
    const claim = this.claim(token);
    await this.db.query(
      `INSERT INTO newsletter_unsubscribes (person_id, network_id, newsletter_id)
       SELECT r.person_id, unnest(r.network_ids), r.newsletter_id FROM newsletter_recipients r WHERE r.newsletter_id = $1 AND r.person_id = $2
       ON CONFLICT DO NOTHING`,
      [claim.newsletterId, claim.personId],
    );
    return this.unsubscribePreview(token);
  }

  /** Where a counted link leads (only the newsletter's own links: no open redirect); the click is recorded. */
  async click(token: string, index: number): Promise<string> {
    const claim = this.tokens.verify(token);
    const [row] = claim ? await this.db.query('SELECT links FROM newsletters WHERE id = $1', [claim.newsletterId]) : [];
    const target: string | undefined = row?.links?.[index];
    if (!claim || !target) return `${this.config.PUBLIC_URL}/`;
    await this.db.query(
      'INSERT INTO newsletter_clicks (newsletter_id, person_id, link) SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM newsletter_recipients WHERE newsletter_id = $1 AND person_id = $2)',
      [claim.newsletterId, claim.personId, index],
    );
    return target;
  }

  // ---------- shared with the sender ----------

  async render(newsletter: Newsletter): Promise<RenderedNewsletter> {
    const networks: NewsletterNetworkRef[] = await this.db.query(
      'SELECT n.id, n.name, n.slug FROM newsletter_networks nn JOIN networks n ON n.id = nn.network_id WHERE nn.newsletter_id = $1 ORDER BY n.name',
      [newsletter.id],
    );
    return renderNewsletter({
      subject: newsletter.subject,
      blocks: newsletter.blocks,
      networks,
      locale: 'fr',
      publicUrl: this.config.PUBLIC_URL,
    });
  }

  /** The mail every recipient shares (core/mail stores it once), with the RFC 8058 one-click unsubscribe headers. */
  mailBody(rendered: Pick<RenderedNewsletter, 'mailHtml' | 'mailText'>): SharedBody {
    return {
      html: rendered.mailHtml,
      text: rendered.mailText,
      headers: {
        'List-Unsubscribe': `<${this.config.PUBLIC_URL}/api/v1/newsletters/unsubscribe?token=${RECIPIENT}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
  }

  /** What differs in one recipient's mail: their signed token, in place of the body's placeholder. */
  recipientVars(newsletterId: string, personId: string): Record<string, string> {
    return { [RECIPIENT]: this.tokens.sign({ newsletterId, personId }) };
  }

  /** One recipient's whole mail (the test sent to its writer). */
  mailFor(
    newsletter: Pick<Newsletter, 'id'>,
    rendered: Pick<RenderedNewsletter, 'mailHtml' | 'mailText'>,
    to: { personId: string; email: string },
    subject: string,
    ref: string | null,
  ) {
    const body = this.mailBody(rendered);
    const token = this.tokens.sign({ newsletterId: newsletter.id, personId: to.personId });
    return {
      to: to.email,
      template: 'newsletter',
      subject,
      html: personalise(body.html, token),
      text: personalise(body.text, token),
      headers: Object.fromEntries(Object.entries(body.headers ?? {}).map(([k, v]) => [k, personalise(v, token)])),
      ref,
    };
  }

  /**
   * The audience of a newsletter: the people of the chosen networks' active member companies (access policy)
   * matching its filters, less the networks each unsubscribed from; one row per person.
   */
  audienceSql(networkIds: string[], audience: NewsletterAudience): AudienceQuery {
    const a: Partial<NewsletterAudience> = audience;
    return {
      sql: `SELECT a.person_id, min(a.email) AS email, min(a.locale) AS locale, array_agg(DISTINCT a.network_id) AS network_ids
        FROM (${this.access.networkMemberPeopleSql('$1::uuid[]')}) a
        WHERE (cardinality($2::text[]) = 0 OR a.company_role = ANY($2::text[]))
          AND (cardinality($3::text[]) = 0 OR a.naf_code LIKE ANY($3::text[]))
          AND (cardinality($4::text[]) = 0 OR a.departement_code = ANY($4::text[]))
          AND NOT EXISTS (SELECT 1 FROM newsletter_unsubscribes u WHERE u.person_id = a.person_id AND u.network_id = a.network_id)
        GROUP BY a.person_id`,
      params: [networkIds, a.companyRoles ?? [], (a.nafCodes ?? []).map((c) => `${c}%`), a.departements ?? []],
    };
  }

  async networkIdsOf(id: string, db: Pick<EntityManager, 'query'> = this.db): Promise<string[]> {
    return (await db.query('SELECT network_id AS id FROM newsletter_networks WHERE newsletter_id = $1', [id])).map(
      (r: { id: string }) => r.id,
    );
  }

  // ---------- checks ----------

  private claim(token: string) {
    const claim = this.tokens.verify(token);
    if (!claim) throw AppException.badRequest('INVALID_TOKEN', 'This link is not valid');
    return claim;
  }

  private canReadArchive(standing: { visibility: string; activeRole: unknown; platformAdmin: boolean; hostStaff: boolean }): boolean {
    return standing.visibility === 'public' || standing.activeRole !== null || standing.platformAdmin || standing.hostStaff;
  }

  private async rows(where: string, params: unknown[]): Promise<NewsletterRow[]> {
    return this.db.query(
      `SELECT n.id, n.subject, n.status, n.scheduled_at, n.sent_at, n.updated_at,
              (SELECT json_agg(json_build_object('id', w.id, 'name', w.name, 'slug', w.slug) ORDER BY w.name)
               FROM newsletter_networks x JOIN networks w ON w.id = x.network_id WHERE x.newsletter_id = n.id) AS networks
       FROM newsletters n JOIN newsletter_networks nn ON nn.newsletter_id = n.id
       WHERE ${where} ORDER BY coalesce(n.sent_at, n.scheduled_at, n.updated_at) DESC LIMIT 200`,
      params,
    );
  }

  /** A newsletter the caller may read: managers of all its networks see it in any state; readers of one of their archives once sent. */
  private async readable(actor: MaybeActor, id: string) {
    const entity = await this.db.manager.findOneBy(Newsletter, { id });
    if (!entity) throw AppException.notFound(NEWSLETTER);
    const networkIds = await this.networkIdsOf(id);
    const standings = [...(await this.access.networkStandings(actor, networkIds)).values()];
    const canManage = standings.length === networkIds.length && standings.every((s) => this.access.canManageNetwork(s));
    const canRead =
      canManage || (entity.status === 'sent' && standings.some((s) => this.access.canSeeNetwork(s) && this.canReadArchive(s)));
    if (!canRead) throw AppException.notFound(NEWSLETTER);
    const [row] = await this.rows('n.id = $1', [id]);
    return { entity, row, canManage };
  }

  private async manageable(actor: Actor, id: string): Promise<Newsletter> {
    const { entity, canManage } = await this.readable(actor, id);
    if (!canManage) throw AppException.forbidden();
    return entity;
  }

  private async editable(actor: Actor, id: string): Promise<Newsletter> {
    const entity = await this.manageable(actor, id);
    if (entity.status !== 'draft' && entity.status !== 'scheduled')
      throw AppException.conflict('NEWSLETTER_SENT', 'A newsletter being sent or sent cannot change');
    return entity;
  }

  /** Every chosen network must be one the caller manages: 403 otherwise (and 404 for a network they may not see). */
  private async checkNetworks(actor: Actor, networkIds: string[]): Promise<string[]> {
    const unique = [...new Set(networkIds)];
    const standings = await this.access.networkStandings(actor, unique);
    for (const id of unique) {
      const s = standings.get(id) ?? null;
      if (!this.access.canSeeNetwork(s)) throw AppException.notFound('Network');
      if (!this.access.canManageNetwork(s)) throw AppException.forbidden('You may only write to the networks you run');
    }
    return unique;
  }

  private async checkDraft(actor: Actor, dto: NewsletterDraftDto) {
    const networkIds = await this.checkNetworks(actor, dto.networkIds);
    const blocks = z.array(blockSchema).safeParse(dto.blocks);
    if (!blocks.success) {
      throw AppException.badRequest(
        'INVALID_BLOCKS',
        'Some blocks are not valid',
        blocks.error.issues.map((i) => ({ field: ['blocks', ...i.path].join('.'), messages: [i.message] })),
      );
    }
    const audience = audienceSchema.safeParse(dto.audience ?? {});
    if (!audience.success) {
      throw AppException.badRequest(
        'INVALID_AUDIENCE',
        'The audience is not valid',
        audience.error.issues.map((i) => ({ field: ['audience', ...i.path].join('.'), messages: [i.message] })),
      );
    }
    return {
      networkIds,
      fields: {
        subject: dto.subject.trim(),
        blocks: blocks.data as unknown as NewsletterBlock[],
        audience: audience.data as unknown as NewsletterAudience,
      },
    };
  }
}

export const mailRef = (id: string) => `newsletter:${id}`;

function summaryOf(row: NewsletterRow): NewsletterSummary {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    networks: row.networks ?? [],
    scheduledAt: row.scheduled_at?.toISOString() ?? null,
    sentAt: row.sent_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}
