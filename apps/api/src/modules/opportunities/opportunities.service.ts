import { Injectable, OnModuleInit } from '@nestjs/common';
import { type FileToSend, type UploadSource } from '../../core/storage/upload-source';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import {
  CONVERSATION_PARTICIPANTS_MAX,
  CONVERSATION_TITLE_MAX,
  OPPORTUNITIES_PER_COMPANY_PER_DAY,
  OPPORTUNITY_ATTACHMENT_TYPES,
  OPPORTUNITY_MAX_ATTACHMENTS,
  type Opportunity as OpportunityView,
  type OpportunityAttachment as AttachmentView,
  type OpportunityActingCompany,
  type OpportunityListItem,
  type OpportunityPage,
  type OpportunityResponse as ResponseView,
  type OpportunityResponseStatus,
} from '@maillage/contracts';
import { findCommune, findNaf } from '@maillage/referentials';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { GeoService } from '../../core/geo/geo.service';
import { markdownToText, renderMarkdown } from '../../core/markdown';
import { ConversationsService } from '../messaging/conversations.service';
import { ModerationService } from '../moderation/moderation.service';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FilesService } from '../../core/storage/files.service';
import type { CloseOpportunityDto, CreateOpportunityDto, OpportunityDto, OpportunityListQueryDto, RespondDto } from './dto/opportunity.dto';
import { OpportunityAttachment } from './entities/opportunity-attachment.entity';
import { Opportunity } from './entities/opportunity.entity';
import { OpportunityResponse } from './entities/opportunity-response.entity';
import { OpportunityNotifier } from './opportunity-notifier';
import { dateOnly, type ListRow, OPPORTUNITY, OpportunityViews, parisToday } from './opportunity-views';
import { companyMembersFrom, isCompanyPersonSql } from '../../core/access/company-members.sql';

const RESPONSE = 'Response';
const ATTACHMENT = 'Attachment';

function fieldError(code: string, field: string, message: string): AppException {
  return AppException.badRequest(code, message, [{ field, messages: [message] }]);
}

/**
 * Opportunities: publishing (drafts, open, closed with an outcome, awarded, cancelled), their audience, attachments
 * and responses. Visibility is decided by AccessPolicy (the opportunities section) on every path.
 */
@Injectable()
export class OpportunitiesService implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly indexer: SearchIndexer,
    private readonly geo: GeoService,
    private readonly files: FilesService,
    private readonly notifier: OpportunityNotifier,
    private readonly views: OpportunityViews,
    private readonly moderation: ModerationService,
    private readonly conversations: ConversationsService,
  ) {}

  /**
   * Opportunities are reported and hidden like forum posts. Reports go to the moderators of the first network of
   * the audience, or of the first network the publishing company is an active member of (none: not reportable).
   */
  onModuleInit(): void {
    this.moderation.registerResolver({
      kind: 'opportunity',
      load: async (actor, id) => {
        if (!(await this.access.canSeeOpportunity(actor, id))) return null;
        const [row]: { title: string; description: string; hidden: boolean; created_by_id: string | null; network_id: string | null }[] =
          await this.db.query(
            `SELECT o.title, o.description, o.hidden_at IS NOT NULL AS hidden, o.created_by_id,
                  COALESCE((SELECT onw.network_id FROM opportunity_networks onw JOIN networks n ON n.id = onw.network_id WHERE onw.opportunity_id = o.id ORDER BY n.name LIMIT 1),
                           (SELECT m.network_id FROM network_memberships m JOIN networks n ON n.id = m.network_id
                            WHERE m.company_id = o.company_id AND m.status = 'active' ORDER BY n.name LIMIT 1)) AS network_id
           FROM opportunities o WHERE o.id = $1`,
            [id],
          );
        if (!row?.network_id) return null;
        return {
          networkId: row.network_id,
          authorPersonId: row.created_by_id,
          excerpt: `${row.title} — ${markdownToText(row.description, 200)}`,
          url: `/opportunites/${id}`,
          hidden: row.hidden,
        };
      },
      setHidden: async (_actor, id, hidden, manager) => {
        await manager.query('UPDATE opportunities SET hidden_at = CASE WHEN $2 THEN now() ELSE NULL END WHERE id = $1', [id, hidden]);
        await this.indexer.enqueue(manager, 'opportunity', [id], { priority: 0 });
      },
    });
  }

  // ---------- publishing ----------

  async create(actor: Actor, dto: CreateOpportunityDto): Promise<OpportunityView> {
    // A company one does not represent: the same answer whether it exists or not.
    if (!(await this.access.canActForCompany(actor, dto.companyId))) throw AppException.forbidden('You do not represent this company');
    const id = await this.db.transaction(async (tx) => {
      // Serialises creations for the company so that the daily limit holds.
      await tx.query('SELECT id FROM companies WHERE id = $1 FOR UPDATE', [dto.companyId]);
      const [{ count }]: { count: number }[] = await tx.query(
        "SELECT count(*)::int AS count FROM opportunities WHERE company_id = $1 AND created_at > now() - interval '1 day'",
        [dto.companyId],
      );
      if (count >= OPPORTUNITIES_PER_COMPANY_PER_DAY) {
        throw new AppException(
          429,
          'OPPORTUNITY_DAILY_LIMIT',
          `A company creates at most ${OPPORTUNITIES_PER_COMPANY_PER_DAY} opportunities a day`,
        );
      }
      const fields = await this.fields(tx, dto.companyId, dto, dto.publish === true);
      const saved = await tx.save(
        Opportunity,
        tx.create(Opportunity, {
          ...fields.columns,
          companyId: dto.companyId,
          createdById: actor.personId,
          status: dto.publish ? 'open' : 'draft',
          publishedAt: dto.publish ? new Date() : null,
        }),
      );
      await this.writeAudience(tx, saved.id, fields.networkIds, fields.invitedCompanyIds);
      await this.indexer.enqueue(tx, 'opportunity', [saved.id]);
      return saved.id;
    });
    if (dto.publish) await this.notifier.published(id);
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: OpportunityDto): Promise<OpportunityView> {
    await this.db.transaction(async (tx) => {
      const opportunity = await this.managed(actor, id, tx, true);
      if (opportunity.status !== 'draft' && opportunity.status !== 'open') {
        throw AppException.conflict('OPPORTUNITY_NOT_EDITABLE', 'A closed, awarded or cancelled opportunity cannot be edited');
      }
      const fields = await this.fields(tx, opportunity.companyId, dto, opportunity.status === 'open');
      Object.assign(opportunity, fields.columns);
      await tx.save(opportunity);
      await tx.query('DELETE FROM opportunity_networks WHERE opportunity_id = $1', [id]);
      await tx.query('DELETE FROM opportunity_invitations WHERE opportunity_id = $1', [id]);
      await this.writeAudience(tx, id, fields.networkIds, fields.invitedCompanyIds);
      // An audience change may hide it from some: first in line.
      await this.indexer.enqueue(tx, 'opportunity', [id], { priority: 0 });
    });
    return this.get(actor, id);
  }

  async publish(actor: Actor, id: string): Promise<OpportunityView> {
    await this.db.transaction(async (tx) => {
      const opportunity = await this.managed(actor, id, tx, true);
      if (opportunity.status !== 'draft') throw AppException.conflict('OPPORTUNITY_NOT_DRAFT', 'Only a draft can be published');
      if (dateOnly(opportunity.deadline) < parisToday())
        throw fieldError('DEADLINE_PASSED', 'deadline', 'The deadline is past: change it first');
      opportunity.status = 'open';
      opportunity.publishedAt = new Date();
      await tx.save(opportunity);
      await this.indexer.enqueue(tx, 'opportunity', [id]);
    });
    await this.notifier.published(id);
    return this.get(actor, id);
  }

  async close(actor: Actor, id: string, dto: CloseOpportunityDto): Promise<OpportunityView> {
    await this.db.transaction(async (tx) => {
      const opportunity = await this.managed(actor, id, tx, true);
      if (opportunity.status !== 'open') throw AppException.conflict('OPPORTUNITY_NOT_OPEN', 'Only an open opportunity can be closed');
      opportunity.status = dto.awarded ? 'awarded' : 'closed';
      opportunity.outcome = dto.outcome;
      opportunity.closedAt = new Date();
      await tx.save(opportunity);
      await this.indexer.enqueue(tx, 'opportunity', [id], { priority: 0 });
    });
    return this.get(actor, id);
  }

  async cancel(actor: Actor, id: string): Promise<OpportunityView> {
    await this.db.transaction(async (tx) => {
      const opportunity = await this.managed(actor, id, tx, true);
      if (opportunity.status !== 'draft' && opportunity.status !== 'open')
        throw AppException.conflict('OPPORTUNITY_NOT_OPEN', 'Only a draft or an open opportunity can be cancelled');
      opportunity.status = 'cancelled';
      opportunity.closedAt = new Date();
      await tx.save(opportunity);
      await this.indexer.enqueue(tx, 'opportunity', [id], { priority: 0 });
    });
    return this.get(actor, id);
  }

  /** The validated columns of an opportunity, its networks and invited companies; 400 on anything inconsistent. */
  private async fields(tx: EntityManager, companyId: string, dto: OpportunityDto, open: boolean) {
    if (open && dto.deadline < parisToday()) throw fieldError('DEADLINE_PASSED', 'deadline', 'The deadline must be today or later');
    if (dto.budgetMin != null && dto.budgetMax != null && dto.budgetMin > dto.budgetMax) {
      throw fieldError('BUDGET_INVERTED', 'budgetMax', 'The highest budget must not be below the lowest');
    }
    const territory = dto.territory ?? {};
    const communeCode = territory.communeCode ?? null;
    if (territory.radiusKm != null && !communeCode)
      throw fieldError('RADIUS_WITHOUT_COMMUNE', 'territory.radiusKm', 'A radius needs a commune');
    const centre = communeCode ? await this.geo.communeCentre(communeCode, tx) : null;
    const networkIds = dto.audience === 'networks' ? [...new Set((dto.networkIds ?? []).map((n) => n.toLowerCase()))] : [];
    const invitedCompanyIds = dto.audience === 'invited' ? [...new Set((dto.invitedCompanyIds ?? []).map((n) => n.toLowerCase()))] : [];
    if (dto.audience === 'networks') {
      if (!networkIds.length) throw fieldError('AUDIENCE_NETWORKS_REQUIRED', 'networkIds', 'Choose at least one network');
      // Only networks the company is an active member of.
      const rows: { network_id: string }[] = await tx.query(
        "SELECT network_id FROM network_memberships WHERE company_id = $1 AND status = 'active' AND network_id = ANY($2::uuid[])",
        [companyId, networkIds],
      );
      if (rows.length !== networkIds.length)
        throw fieldError('AUDIENCE_NETWORK_NOT_MEMBER', 'networkIds', 'The company is not an active member of every chosen network');
    }
    if (dto.audience === 'invited') {
      if (!invitedCompanyIds.length) throw fieldError('AUDIENCE_COMPANIES_REQUIRED', 'invitedCompanyIds', 'Invite at least one company');
      if (invitedCompanyIds.includes(companyId))
        throw fieldError('AUDIENCE_SELF_INVITED', 'invitedCompanyIds', 'A company does not invite itself');
      const rows: { id: string }[] = await tx.query('SELECT id FROM companies WHERE id = ANY($1::uuid[])', [invitedCompanyIds]);
      if (rows.length !== invitedCompanyIds.length) throw fieldError('AUDIENCE_UNKNOWN_COMPANY', 'invitedCompanyIds', 'Unknown company');
    }
    return {
      columns: {
        type: dto.type,
        title: dto.title,
        description: dto.description,
        nafCodes: (dto.nafCodes ?? []).map((c) => findNaf(c)?.code ?? c),
        skills: dto.skills ?? [],
        communeCode,
        radiusKm: communeCode ? (territory.radiusKm ?? null) : null,
        departementCodes: territory.departements ?? [],
        regionCodes: territory.regions ?? [],
        lat: centre?.lat ?? null,
        lng: centre?.lng ?? null,
        deadline: dto.deadline,
        budgetMin: dto.budgetMin ?? null,
        budgetMax: dto.budgetMax ?? null,
        audience: dto.audience,
      },
      networkIds,
      invitedCompanyIds,
    };
  }

  private async writeAudience(tx: EntityManager, id: string, networkIds: string[], companyIds: string[]): Promise<void> {
    if (networkIds.length)
      await tx.query('INSERT INTO opportunity_networks (opportunity_id, network_id) SELECT $1, unnest($2::uuid[])', [id, networkIds]);
    if (companyIds.length)
      await tx.query('INSERT INTO opportunity_invitations (opportunity_id, company_id) SELECT $1, unnest($2::uuid[])', [id, companyIds]);
  }

  /** An opportunity the actor manages (its company's owners and admins); 404 when they may not see it, 403 when they only see it. */
  private async managed(actor: Actor, id: string, tx: EntityManager, lock = false): Promise<Opportunity> {
    const opportunity = await tx.findOne(Opportunity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!opportunity || !(await this.access.canSeeOpportunity(actor, id, tx))) throw AppException.notFound(OPPORTUNITY);
    if (!(await this.access.canManageOpportunity(actor, opportunity, tx))) throw AppException.forbidden();
    return opportunity;
  }

  // ---------- reading ----------

  async get(actor: MaybeActor, id: string): Promise<OpportunityView> {
    if (!(await this.access.canSeeOpportunity(actor, id))) throw AppException.notFound(OPPORTUNITY);
    const o = await this.db.manager.findOneByOrFail(Opportunity, { id });
    const manage = await this.access.canManageOpportunity(actor, o);
    const [company] = await this.views.companies([o.companyId]);
    const networks: { id: string; name: string }[] = await this.db.query(
      `SELECT n.id, n.name FROM opportunity_networks onw JOIN networks n ON n.id = onw.network_id WHERE onw.opportunity_id = $1 ORDER BY n.name`,
      [id],
    );
    const standings = await this.access.networkStandings(
      actor,
      networks.map((n) => n.id),
    );
    const invited: string[] = manage
      ? (
          (await this.db.query('SELECT company_id FROM opportunity_invitations WHERE opportunity_id = $1', [id])) as {
            company_id: string;
          }[]
        ).map((r) => r.company_id)
      : [];
    const attachments = await this.attachmentViews(id, null);
    const mine = actor ? await this.myResponse(actor, id) : null;
    const respondable = actor ? await this.respondableCompanies(actor, o) : [];
    const [{ count }]: { count: number }[] = manage
      ? await this.db.query('SELECT count(*)::int AS count FROM opportunity_responses WHERE opportunity_id = $1', [id])
      : [{ count: -1 }];
    const commune = o.communeCode ? findCommune(o.communeCode) : null;
    return {
      id: o.id,
      type: o.type,
      title: o.title,
      description: o.description,
      descriptionHtml: renderMarkdown(o.description),
      nafCodes: o.nafCodes.map((code) => ({ code, label: findNaf(code)?.label ?? code })),
      skills: o.skills,
      territory: {
        communeCode: o.communeCode,
        communeName: commune?.name ?? null,
        radiusKm: o.radiusKm,
        departements: o.departementCodes,
        regions: o.regionCodes,
      },
      deadline: dateOnly(o.deadline),
      budgetMin: o.budgetMin,
      budgetMax: o.budgetMax,
      audience: o.audience,
      // A secret network's name only to those who see that network.
      networks: networks.filter((n) => manage || this.access.canSeeNetwork(standings.get(n.id) ?? null)),
      invitedCompanies: await this.views.companies(invited),
      status: o.status,
      outcome: o.outcome,
      company,
      attachments,
      publishedAt: o.publishedAt?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
      hidden: o.hiddenAt !== null,
      rights: {
        edit: manage && (o.status === 'draft' || o.status === 'open'),
        respond: !manage && mine === null && respondable.length > 0 && o.status === 'open' && dateOnly(o.deadline) >= parisToday(),
        report: actor !== null && !manage,
      },
      myResponse: mine,
      responseCount: count >= 0 ? count : null,
    };
  }

  async list(actor: MaybeActor, query: OpportunityListQueryDto): Promise<OpportunityPage> {
    const params: unknown[] = [];
    const bind = (v: unknown) => `$${params.push(v)}`;
    const where = [this.access.visibleOpportunitiesCondition(actor, bind)];
    if (query.type) where.push(`o.type = ${bind(query.type)}`);
    if (query.status) where.push(`o.status = ${bind(query.status)}`);
    // Without a status: published ones that are still open (a company's own page also shows its drafts and closed ones).
    else if (!query.companyId) where.push("o.status = 'open'");
    if (query.companyId) where.push(`o.company_id = ${bind(query.companyId)}`);
    if (query.q) where.push(`(o.title ILIKE ${bind(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`)} OR ${bind(query.q)} ILIKE ANY(o.skills))`);
    const sql = `FROM opportunities o WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows: ListRow[] = await this.db.query(
      `SELECT o.id, o.type, o.title, o.status, o.audience, o.deadline::text AS deadline, o.company_id, o.naf_codes, o.skills, o.published_at
       ${sql} ORDER BY o.deadline, o.id LIMIT ${bind(query.pageSize)} OFFSET ${bind((query.page - 1) * query.pageSize)}`,
      params,
    );
    return { items: await this.views.listItems(rows), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The open opportunities every member of a network may see (access policy's `networkOpportunitiesCondition`: shown
   * to that network, or public ones of its member companies), soonest deadline first: a newsletter's block.
   */
  async openForNetwork(networkId: string, limit: number): Promise<OpportunityListItem[]> {
    const rows: ListRow[] = await this.db.query(
      `SELECT o.id, o.type, o.title, o.status, o.audience, o.deadline::text AS deadline, o.company_id, o.naf_codes, o.skills, o.published_at
       FROM opportunities o WHERE o.status = 'open' AND o.deadline >= $2::date AND ${this.access.networkOpportunitiesCondition('$1::uuid')}
       ORDER BY o.deadline, o.id LIMIT $3`,
      [networkId, parisToday(), limit],
    );
    return this.views.listItems(rows);
  }

  // ---------- attachments ----------

  async upload(actor: Actor, id: string, source: UploadSource): Promise<AttachmentView> {
    return this.attach(actor, id, null, source, (tx, lock) => this.managed(actor, id, tx, lock));
  }

  /**
   * A file joined to a response (references, a quote) by the people who may act for the responding company, while
   * the opportunity takes responses; the same checks as every upload (sniffed type, size), at most
   * OPPORTUNITY_MAX_ATTACHMENTS per response. Someone else's response, or an opportunity one cannot see: 404.
   */
  async uploadResponseAttachment(actor: Actor, id: string, responseId: string, source: UploadSource): Promise<AttachmentView> {
    const check = async (tx: EntityManager, lock: boolean) => {
      if (!(await this.access.canSeeOpportunity(actor, id, tx))) throw AppException.notFound(OPPORTUNITY);
      const response = await tx.findOne(OpportunityResponse, {
        where: { id: responseId, opportunityId: id },
        ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (!response || !(await this.access.canActForCompany(actor, response.companyId, tx))) throw AppException.notFound(RESPONSE);
      const opportunity = await tx.findOneByOrFail(Opportunity, { id });
      if (opportunity.status !== 'open' || dateOnly(opportunity.deadline) < parisToday()) {
        throw AppException.conflict('OPPORTUNITY_CLOSED', 'This opportunity no longer takes responses');
      }
    };
    return this.attach(actor, id, responseId, source, check);
  }

  /**
   * Stores an attachment of the opportunity (`responseId` null) or of one response: `check` runs before the body is
   * read (refused without taking the upload), then again with its row locked, so that concurrent uploads count one
   * after another against OPPORTUNITY_MAX_ATTACHMENTS.
   */
  private async attach(
    actor: Actor,
    id: string,
    responseId: string | null,
    source: UploadSource,
    check: (tx: EntityManager, lock: boolean) => Promise<unknown>,
  ): Promise<AttachmentView> {
    await this.db.transaction((tx) => check(tx, false));
    const upload = await this.files.receive(source);
    const attachmentId = await this.db.transaction(async (tx) => {
      await check(tx, true);
      const [{ count }]: { count: number }[] = await tx.query(
        'SELECT count(*)::int AS count FROM opportunity_attachments WHERE opportunity_id = $1 AND response_id IS NOT DISTINCT FROM $2::uuid AND group_id IS NULL',
        [id, responseId],
      );
      if (count >= OPPORTUNITY_MAX_ATTACHMENTS)
        throw AppException.conflict('TOO_MANY_ATTACHMENTS', `At most ${OPPORTUNITY_MAX_ATTACHMENTS} attachments`);
      const stored = await this.files.store(
        upload,
        { allowedTypes: OPPORTUNITY_ATTACHMENT_TYPES, isPublic: false, uploadedById: actor.personId },
        tx,
      );
      return (
        await tx.save(
          OpportunityAttachment,
          tx.create(OpportunityAttachment, { opportunityId: id, fileId: stored.id, uploaderId: actor.personId, responseId }),
        )
      ).id;
    });
    const view = (await this.attachmentViews(id, responseId)).find((a) => a.id === attachmentId);
    if (!view) throw new Error(`Attachment ${attachmentId} not found after saving it`);
    return view;
  }

  /** An attachment of the opportunity: whoever sees it; a response's: the two companies only. */
  async download(actor: MaybeActor, id: string, attachmentId: string): Promise<FileToSend> {
    if (!(await this.access.canSeeOpportunity(actor, id))) throw AppException.notFound(ATTACHMENT);
    // A document of the mini-grappe's folder is served by the group (GET …/group/documents/:id), never here.
    const attachment = await this.db.manager.findOneBy(OpportunityAttachment, { id: attachmentId, opportunityId: id, groupId: IsNull() });
    if (!attachment) throw AppException.notFound(ATTACHMENT);
    if (attachment.responseId) {
      const response = await this.db.manager.findOneBy(OpportunityResponse, { id: attachment.responseId });
      if (!response || !(await this.maySeeResponse(actor, response))) throw AppException.notFound(ATTACHMENT);
    }
    const file = await this.files.find(attachment.fileId);
    if (!file) throw AppException.notFound(ATTACHMENT);
    return { file };
  }

  private async attachmentViews(opportunityId: string, responseId: string | null): Promise<AttachmentView[]> {
    const rows: { id: string; original_name: string; mime_type: string; size: number }[] = await this.db.query(
      `SELECT a.id, f.original_name, f.mime_type, f.size FROM opportunity_attachments a JOIN files f ON f.id = a.file_id
       WHERE a.opportunity_id = $1 AND a.response_id IS NOT DISTINCT FROM $2 AND a.group_id IS NULL ORDER BY a.created_at, a.id`,
      [opportunityId, responseId],
    );
    return rows.map((r) => ({
      id: r.id,
      filename: r.original_name,
      contentType: r.mime_type,
      size: r.size,
      url: `/api/v1/opportunities/${opportunityId}/attachments/${r.id}`,
    }));
  }

  // ---------- responses ----------

  /** The companies on whose behalf the actor may respond: those they own or administer, other than the publisher, in its audience. */
  private async respondableCompanies(actor: Actor, o: Opportunity): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT c.id FROM company_members cm JOIN companies c ON c.id = cm.company_id JOIN opportunities o ON o.id = $2
       WHERE cm.person_id = $1 AND cm.role IN ('owner', 'admin') AND c.id <> o.company_id AND ${this.access.opportunityAudienceCompaniesCondition('c', 'o')}`,
      [actor.personId, o.id],
    );
    return rows.map((r) => r.id);
  }

  async respond(actor: Actor, id: string, dto: RespondDto): Promise<ResponseView> {
    const responseId = await this.db.transaction(async (tx) => {
      const opportunity = await tx.findOne(Opportunity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!opportunity || !(await this.access.canSeeOpportunity(actor, id, tx))) throw AppException.notFound(OPPORTUNITY);
      if (!(await this.access.canActForCompany(actor, dto.companyId, tx)))
        throw AppException.forbidden('You do not represent this company');
      if (dto.companyId === opportunity.companyId)
        throw fieldError('OWN_OPPORTUNITY', 'companyId', 'A company does not respond to its own opportunity');
      if (opportunity.status !== 'open' || dateOnly(opportunity.deadline) < parisToday()) {
        throw AppException.conflict('OPPORTUNITY_CLOSED', 'This opportunity no longer takes responses');
      }
      const inAudience: unknown[] = await tx.query(
        `SELECT 1 FROM companies c JOIN opportunities o ON o.id = $2 WHERE c.id = $1 AND ${this.access.opportunityAudienceCompaniesCondition('c', 'o')}`,
        [dto.companyId, id],
      );
      if (!inAudience.length)
        throw fieldError('COMPANY_NOT_IN_AUDIENCE', 'companyId', 'This company is not among those the opportunity is meant for');
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO opportunity_responses (opportunity_id, company_id, person_id, message) VALUES ($1, $2, $3, $4)
         ON CONFLICT (opportunity_id, company_id) DO NOTHING RETURNING id`,
        [id, dto.companyId, actor.personId, dto.message],
      );
      if (!inserted.length) throw AppException.conflict('ALREADY_RESPONDED', 'This company already responded');
      return inserted[0].id;
    });
    await this.notifier.responded(id, responseId);
    return this.responseView(responseId);
  }

  /** Responses: all of them for the publisher's people; the caller's companies' own for the others. */
  async responses(actor: Actor, id: string): Promise<ResponseView[]> {
    if (!(await this.access.canSeeOpportunity(actor, id))) throw AppException.notFound(OPPORTUNITY);
    const rows: { id: string }[] = await this.db.query(
      `SELECT r.id FROM opportunity_responses r JOIN opportunities o ON o.id = r.opportunity_id
       WHERE r.opportunity_id = $1 AND ($3 OR EXISTS (SELECT 1 FROM company_members cm WHERE cm.person_id = $2 AND cm.company_id IN (o.company_id, r.company_id)))
       ORDER BY r.created_at, r.id`,
      [id, actor.personId, this.access.isPlatformAdmin(actor)],
    );
    return Promise.all(rows.map((r) => this.responseView(r.id)));
  }

  async setResponseStatus(actor: Actor, id: string, responseId: string, status: OpportunityResponseStatus): Promise<ResponseView> {
    await this.db.transaction(async (tx) => {
      const opportunity = await this.managed(actor, id, tx, true);
      const response = await tx.findOne(OpportunityResponse, {
        where: { id: responseId, opportunityId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!response) throw AppException.notFound(RESPONSE);
      if (opportunity.status === 'cancelled') throw AppException.conflict('OPPORTUNITY_CANCELLED', 'This opportunity was cancelled');
      response.status = status;
      await tx.save(response);
    });
    return this.responseView(responseId);
  }

  /**
   * The private question thread of a response: a messaging group conversation between the publisher's manager who
   * opens it and the responding company's owners, admins and the person who responded (once per response).
   */
  async thread(actor: Actor, id: string, responseId: string): Promise<ResponseView> {
    const { opportunity, response } = await this.db.transaction(async (tx) => {
      const managed = await this.managed(actor, id, tx);
      const found = await tx.findOneBy(OpportunityResponse, { id: responseId, opportunityId: id });
      if (!found) throw AppException.notFound(RESPONSE);
      return { opportunity: managed, response: found };
    });
    if (response.threadConversationId) return this.responseView(responseId);
    const people: { person_id: string }[] = await this.db.query(
      `SELECT cm.person_id FROM ${companyMembersFrom('cm', { company: '$1' })} WHERE (cm.role IN ('owner', 'admin') OR cm.person_id = $2) AND cm.person_id <> $3`,
      [response.companyId, response.personId, actor.personId],
    );
    if (!people.length) throw AppException.conflict('RESPONSE_NOBODY', 'Nobody represents the responding company any more');
    // Created outside any transaction of ours (messaging runs its own; PGlite has one session for all connections).
    const title = `Questions · ${opportunity.title}`.slice(0, CONVERSATION_TITLE_MAX);
    const { conversation } = await this.conversations.create(actor, {
      kind: 'group',
      title,
      personIds: people.map((p) => p.person_id).slice(0, CONVERSATION_PARTICIPANTS_MAX - 1),
    });
    // Two managers opening it at once: the first thread recorded is the response's thread.
    await this.db.query('UPDATE opportunity_responses SET thread_conversation_id = $2 WHERE id = $1 AND thread_conversation_id IS NULL', [
      responseId,
      conversation.id,
    ]);
    return this.responseView(responseId);
  }

  private async myResponse(actor: Actor, id: string): Promise<ResponseView | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT r.id FROM opportunity_responses r WHERE r.opportunity_id = $1 AND ${isCompanyPersonSql('r.company_id', '$2')} ORDER BY r.created_at LIMIT 1`,
      [id, actor.personId],
    );
    return rows.length ? this.responseView(rows[0].id) : null;
  }

  /** A response is seen by the people of its two companies (and platform admins). */
  async maySeeResponse(actor: MaybeActor, response: OpportunityResponse): Promise<boolean> {
    if (!actor) return false;
    if (this.access.isPlatformAdmin(actor)) return true;
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM ${companyMembersFrom('cm', { person: '$1' })} JOIN opportunities o ON o.id = $3 WHERE cm.company_id IN ($2, o.company_id)`,
      [actor.personId, response.companyId, response.opportunityId],
    );
    return rows.length > 0;
  }

  private async responseView(id: string): Promise<ResponseView> {
    const r = await this.db.manager.findOneByOrFail(OpportunityResponse, { id });
    const [company] = await this.views.companies([r.companyId]);
    return {
      id: r.id,
      opportunityId: r.opportunityId,
      company,
      message: r.message,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      threadId: r.threadConversationId,
      attachments: await this.attachmentViews(r.opportunityId, r.id),
    };
  }

  /** The companies the actor represents (owner or admin), to choose on whose behalf to publish or respond. */
  async representedCompanies(actor: Actor): Promise<OpportunityActingCompany[]> {
    const rows: { company_id: string; networks: { id: string; name: string }[] | null }[] = await this.db.query(
      `SELECT cm.company_id, (SELECT json_agg(json_build_object('id', n.id, 'name', n.name) ORDER BY n.name) FROM network_memberships m
                               JOIN networks n ON n.id = m.network_id WHERE m.company_id = cm.company_id AND m.status = 'active') AS networks
       FROM ${companyMembersFrom('cm', { person: '$1', roles: ['owner', 'admin'] })} ORDER BY cm.created_at`,
      [actor.personId],
    );
    const companies = await this.views.companies(rows.map((r) => r.company_id));
    return companies.map((c, i) => ({ ...c, networks: rows[i].networks ?? [] }));
  }
}
