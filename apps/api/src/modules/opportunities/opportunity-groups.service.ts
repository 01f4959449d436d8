import { Injectable } from '@nestjs/common';
import { type FileToSend, type UploadSource } from '../../core/storage/upload-source';
import { DataSource, type EntityManager } from 'typeorm';
import {
  OPPORTUNITY_ATTACHMENT_TYPES,
  type OpportunityCompanyRef,
  type OpportunityGroup as GroupView,
  type OpportunityGroupStatus,
  type OpportunityGroupSupporter,
  type OpportunityStats,
  type OpportunitySupporterCandidate,
  type SupportedOpportunityGroup,
} from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { FilesService } from '../../core/storage/files.service';
import { OpportunityAttachment } from './entities/opportunity-attachment.entity';
import { OpportunityGroup, OpportunityGroupMember, OpportunityGroupMessage } from './entities/opportunity-group.entity';
import { Opportunity } from './entities/opportunity.entity';
import { dateOnly, OPPORTUNITY, OpportunityViews, loaded } from './opportunity-views';
import { companyMembersFrom } from '../../core/access/company-members.sql';
import { OpportunityNotifier } from './opportunity-notifier';

const GROUP = 'Group';
const DOCUMENT = 'Document';
/** The most companies the supporter's picker lists at once. */
const INVITABLE_LIMIT = 20;
/** The most documents a group's folder holds. */
export const GROUP_DOCUMENTS_MAX = 50;
/** Only these opportunities form a consortium. */
const GROUP_TYPES = new Set(['joint_bid', 'partnership']);

function fieldError(code: string, field: string, message: string): AppException {
  return AppException.badRequest(code, message, [{ field, messages: [message] }]);
}

/**
 * Mini-grappes: the publisher of a joint-bid or R&D opportunity (the lead) invites shortlisted responders; each
 * accepts on its own behalf. The group's space (members, discussion, the deadline, its status) is seen by the
 * people of the lead and of the invited companies only; the discussion is written by the lead and accepted members.
 */
@Injectable()
export class OpportunityGroupsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly views: OpportunityViews,
    private readonly files: FilesService,
    private readonly notifier: OpportunityNotifier,
  ) {}

  /** Adds a file to the group's private folder (the lead and accepted members; same file checks as every upload). */
  async addDocument(actor: Actor, opportunityId: string, source: UploadSource): Promise<GroupView> {
    const group = await this.visibleGroup(actor, opportunityId, this.db.manager);
    if (!(await this.rights(actor, group)).post) throw AppException.forbidden();
    const upload = await this.files.receive(source);
    await this.db.transaction(async (tx) => {
      // Serialised on the group: two uploads at once cannot both take the last place.
      await tx.query('SELECT 1 FROM opportunity_groups WHERE id = $1 FOR UPDATE', [group.id]);
      const [{ count }]: { count: number }[] = await tx.query(
        'SELECT count(*)::int AS count FROM opportunity_attachments WHERE group_id = $1',
        [group.id],
      );
      if (count >= GROUP_DOCUMENTS_MAX) throw AppException.conflict('TOO_MANY_DOCUMENTS', `At most ${GROUP_DOCUMENTS_MAX} documents`);
      const stored = await this.files.store(
        upload,
        { allowedTypes: OPPORTUNITY_ATTACHMENT_TYPES, isPublic: false, uploadedById: actor.personId },
        tx,
      );
      await tx.save(
        OpportunityAttachment,
        tx.create(OpportunityAttachment, {
          opportunityId,
          groupId: group.id,
          fileId: stored.id,
          uploaderId: actor.personId,
          responseId: null,
        }),
      );
    });
    return this.get(actor, opportunityId);
  }

  /** A document of the group's folder: the people of the group's companies only (404 for everyone else). */
  async sendDocument(actor: MaybeActor, opportunityId: string, documentId: string): Promise<FileToSend> {
    const group = await this.visibleGroup(actor, opportunityId, this.db.manager).catch(() => null);
    const document = group
      ? await this.db.manager.findOneBy(OpportunityAttachment, { id: documentId, opportunityId, groupId: group.id })
      : null;
    const file = document ? await this.files.find(document.fileId) : null;
    if (!file) throw AppException.notFound(DOCUMENT);
    return { file };
  }

  async form(actor: Actor, opportunityId: string, companyIds: string[]): Promise<GroupView> {
    const invited = await this.db.transaction(async (tx) => {
      const o = await tx.findOne(Opportunity, { where: { id: opportunityId }, lock: { mode: 'pessimistic_write' } });
      if (!o || !(await this.access.canSeeOpportunity(actor, opportunityId, tx))) throw AppException.notFound(OPPORTUNITY);
      if (!(await this.access.canManageOpportunity(actor, o, tx))) throw AppException.forbidden();
      if (!GROUP_TYPES.has(o.type)) throw fieldError('GROUP_NOT_ALLOWED', 'type', 'Only joint bids and R&D projects form a group');
      if (o.status === 'cancelled' || o.status === 'draft')
        throw AppException.conflict('OPPORTUNITY_NOT_OPEN', 'This opportunity is not published');
      const ids = [...new Set(companyIds.map((c) => c.toLowerCase()))];
      // Invitations go to shortlisted (or selected) responders only: never to a company that did not ask.
      const rows: { company_id: string }[] = await tx.query(
        "SELECT company_id FROM opportunity_responses WHERE opportunity_id = $1 AND company_id = ANY($2::uuid[]) AND status IN ('shortlisted', 'winner')",
        [opportunityId, ids],
      );
      if (rows.length !== ids.length) throw fieldError('GROUP_NOT_SHORTLISTED', 'companyIds', 'Invite shortlisted responders only');
      const existing = await tx.findOneBy(OpportunityGroup, { opportunityId });
      const group =
        existing ??
        (await tx.save(OpportunityGroup, tx.create(OpportunityGroup, { opportunityId, leadCompanyId: o.companyId, status: 'forming' })));
      const added: { company_id: string }[] = await tx.query(
        `INSERT INTO opportunity_group_members (group_id, company_id, status) SELECT $1, unnest($2::uuid[]), 'invited' ON CONFLICT DO NOTHING RETURNING company_id`,
        [group.id, ids],
      );
      return { group, companyIds: added.map((r) => r.company_id) };
    });
    await this.notifier.groupInvited(invited.group, invited.companyIds, actor.personId);
    return this.get(actor, opportunityId);
  }

  async accept(actor: Actor, opportunityId: string, companyId: string): Promise<GroupView> {
    await this.db.transaction(async (tx) => {
      const group = await this.visibleGroup(actor, opportunityId, tx);
      if (!(await this.access.canActForCompany(actor, companyId, tx))) throw AppException.forbidden('You do not represent this company');
      const result = await tx.query(
        "UPDATE opportunity_group_members SET status = 'accepted' WHERE group_id = $1 AND company_id = $2 AND status = 'invited' RETURNING company_id",
        [group.id, companyId],
      );
      const updated = (Array.isArray(result[0]) ? result[0] : result) as unknown[];
      if (!updated.length) throw fieldError('GROUP_NOT_INVITED', 'companyId', 'This company has no pending invitation to the group');
      // Once every invited company answered, the group is active.
      await tx.query(
        `UPDATE opportunity_groups SET status = 'active' WHERE id = $1 AND status = 'forming'
           AND NOT EXISTS (SELECT 1 FROM opportunity_group_members WHERE group_id = $1 AND status = 'invited')`,
        [group.id],
      );
    });
    return this.get(actor, opportunityId);
  }

  async post(actor: Actor, opportunityId: string, body: string): Promise<GroupView> {
    const group = await this.visibleGroup(actor, opportunityId, this.db.manager);
    if (!(await this.rights(actor, group)).post) throw AppException.forbidden();
    await this.db.manager.save(OpportunityGroupMessage, { groupId: group.id, personId: actor.personId, body });
    return this.get(actor, opportunityId);
  }

  async setStatus(actor: Actor, opportunityId: string, status: OpportunityGroupStatus): Promise<GroupView> {
    const group = await this.visibleGroup(actor, opportunityId, this.db.manager);
    if (!(await this.rights(actor, group)).manage) throw AppException.forbidden();
    await this.db.query('UPDATE opportunity_groups SET status = $2 WHERE id = $1', [group.id, status]);
    return this.get(actor, opportunityId);
  }

  async get(actor: MaybeActor, opportunityId: string): Promise<GroupView> {
    const group = await this.visibleGroup(actor, opportunityId, this.db.manager);
    const o = await this.db.manager.findOneByOrFail(Opportunity, { id: opportunityId });
    const members = await this.db.manager.find(OpportunityGroupMember, { where: { groupId: group.id }, order: { createdAt: 'ASC' } });
    const companies = new Map(
      (await this.views.companies([group.leadCompanyId, ...members.map((m) => m.companyId)])).map((c) => [c.id, c]),
    );
    const supporter = group.supporterPersonId ? await this.supporterView(group.supporterPersonId, group.leadCompanyId) : null;
    const messages: {
      id: string;
      body: string;
      created_at: Date;
      person_id: string | null;
      author: string | null;
      company: string | null;
    }[] = await this.db.query(
      `SELECT m.id, m.body, m.created_at, m.person_id, p.first_name || ' ' || p.last_name AS author,
              (SELECT COALESCE(c.trade_name, c.legal_name) FROM company_members cm JOIN companies c ON c.id = cm.company_id
               WHERE cm.person_id = m.person_id AND (c.id = $2 OR c.id IN (SELECT company_id FROM opportunity_group_members WHERE group_id = $1)) LIMIT 1) AS company
       FROM opportunity_group_messages m LEFT JOIN people p ON p.id = m.person_id WHERE m.group_id = $1 ORDER BY m.created_at, m.id`,
      [group.id, group.leadCompanyId],
    );
    return {
      id: group.id,
      opportunityId,
      opportunityTitle: o.title,
      deadline: dateOnly(o.deadline),
      status: group.status,
      lead: loaded(companies, group.leadCompanyId),
      members: members.map((m) => ({ company: loaded(companies, m.companyId), status: m.status })),
      messages: messages.map((m) => ({
        id: m.id,
        author: m.author,
        // The supporter writes for his CCI (or his animator company), not for one of the group's companies.
        company: m.company ?? (supporter && m.person_id === supporter.id ? supporter.organization : null),
        body: m.body,
        createdAt: new Date(m.created_at).toISOString(),
      })),
      documents: await this.documents(opportunityId, group.id),
      supporter,
      rights: await this.rights(actor, group),
    };
  }

  // ---------- the CCI "intégrateur de PME" ----------

  /** Who the lead may designate: the animators and host staff of the lead company's networks (the lead's managers only). */
  async supporterCandidates(actor: Actor, opportunityId: string): Promise<OpportunitySupporterCandidate[]> {
    const group = await this.visibleGroup(actor, opportunityId, this.db.manager);
    if (!(await this.rights(actor, group)).manage) throw AppException.forbidden();
    return this.candidates(this.db.manager, group.leadCompanyId);
  }

  /** The lead designates (or replaces) the group's supporter, who is told; someone not eligible is refused, nothing written. */
  async designateSupporter(actor: Actor, opportunityId: string, personId: string): Promise<GroupView> {
    const designated = await this.db.transaction(async (tx) => {
      const group = await this.visibleGroup(actor, opportunityId, tx, true);
      if (!(await this.rights(actor, group, tx)).manage) throw AppException.forbidden();
      const [candidate] = await this.candidates(tx, group.leadCompanyId, personId.toLowerCase());
      if (!candidate)
        throw fieldError(
          'GROUP_SUPPORTER_NOT_ELIGIBLE',
          'personId',
          'The supporter must animate or host a network the lead company is an active member of',
        );
      if (group.supporterPersonId === candidate.id) return null;
      await tx.query('UPDATE opportunity_groups SET supporter_person_id = $2 WHERE id = $1', [group.id, candidate.id]);
      return { group, personId: candidate.id };
    });
    if (designated) await this.notifier.supporterDesignated(designated.group, designated.personId, actor.personId);
    return this.get(actor, opportunityId);
  }

  /** The lead removes the supporter, or the supporter steps down. */
  async removeSupporter(actor: Actor, opportunityId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const group = await this.visibleGroup(actor, opportunityId, tx, true);
      const rights = await this.rights(actor, group, tx);
      if (!rights.manage && !rights.support) throw AppException.forbidden();
      await tx.query('UPDATE opportunity_groups SET supporter_person_id = NULL WHERE id = $1', [group.id]);
    });
  }

  /** The companies the supporter may still invite (active members of the networks he animates or hosts), by name. */
  async invitable(actor: Actor, opportunityId: string, q: string | undefined): Promise<OpportunityCompanyRef[]> {
    const group = await this.visibleGroup(actor, opportunityId, this.db.manager);
    if (!(await this.rights(actor, group)).support) throw AppException.forbidden();
    const rows: { id: string }[] = await this.db.query(
      `SELECT c.id FROM companies c
       WHERE c.id IN (${this.access.supporterInvitableCompaniesSql('$1::uuid')}) AND c.id <> $2
         AND c.id NOT IN (SELECT company_id FROM opportunity_group_members WHERE group_id = $3)
         AND ($4::text IS NULL OR COALESCE(c.trade_name, c.legal_name) ILIKE '%' || $4::text || '%')
       ORDER BY COALESCE(c.trade_name, c.legal_name), c.id LIMIT ${INVITABLE_LIMIT}`,
      [actor.personId, group.leadCompanyId, group.id, q?.replace(/[\\%_]/g, (c) => `\\${c}`) || null],
    );
    return this.views.companies(rows.map((r) => r.id));
  }

  /** The supporter invites companies of his networks; each accepts for itself as the shortlisted responders do. */
  async inviteAsSupporter(actor: Actor, opportunityId: string, companyIds: string[]): Promise<GroupView> {
    const invited = await this.db.transaction(async (tx) => {
      const group = await this.visibleGroup(actor, opportunityId, tx, true);
      if (!(await this.rights(actor, group, tx)).support) throw AppException.forbidden();
      if (group.status === 'submitted' || group.status === 'dissolved')
        throw AppException.conflict('GROUP_CLOSED', 'This mini-grappe no longer takes members');
      const ids = [...new Set(companyIds.map((c) => c.toLowerCase()))];
      const rows: { company_id: string }[] = await tx.query(
        `SELECT company_id FROM (${this.access.supporterInvitableCompaniesSql('$1::uuid')}) x WHERE company_id = ANY($2::uuid[]) AND company_id <> $3`,
        [actor.personId, ids, group.leadCompanyId],
      );
      if (!ids.length || rows.length !== ids.length)
        throw fieldError('GROUP_COMPANY_NOT_INVITABLE', 'companyIds', 'Invite active members of the networks you animate or host only');
      const added: { company_id: string }[] = await tx.query(
        `INSERT INTO opportunity_group_members (group_id, company_id, status) SELECT $1, unnest($2::uuid[]), 'invited' ON CONFLICT DO NOTHING RETURNING company_id`,
        [group.id, ids],
      );
      // Someone is left to answer again: the group is forming until they do.
      await tx.query(
        `UPDATE opportunity_groups SET status = 'forming' WHERE id = $1 AND status = 'active'
           AND EXISTS (SELECT 1 FROM opportunity_group_members WHERE group_id = $1 AND status = 'invited')`,
        [group.id],
      );
      return { group, companyIds: added.map((r) => r.company_id) };
    });
    await this.notifier.groupInvited(invited.group, invited.companyIds, actor.personId);
    return this.get(actor, opportunityId);
  }

  /** The groups the person supports now (the steering cockpit's "Mini-grappes accompagnées"), newest first. */
  async supportedBy(actor: Actor): Promise<SupportedOpportunityGroup[]> {
    const rows: {
      id: string;
      opportunity_id: string;
      title: string;
      deadline: string | Date;
      status: OpportunityGroupStatus;
      lead_company_id: string;
      members: number;
    }[] = await this.db.query(
      `SELECT g.id, g.opportunity_id, o.title, o.deadline, g.status, g.lead_company_id,
              (SELECT count(*)::int FROM opportunity_group_members gm WHERE gm.group_id = g.id AND gm.status = 'accepted') AS members
       FROM opportunity_groups g JOIN opportunities o ON o.id = g.opportunity_id
       WHERE g.supporter_person_id = $1
         AND EXISTS (SELECT 1 FROM (${this.access.groupSupportersSql('g.lead_company_id')}) s WHERE s.person_id = $1)
       ORDER BY g.created_at DESC, g.id LIMIT 100`,
      [actor.personId],
    );
    const companies = new Map((await this.views.companies([...new Set(rows.map((r) => r.lead_company_id))])).map((c) => [c.id, c]));
    return rows.map((r) => ({
      id: r.id,
      opportunityId: r.opportunity_id,
      opportunityTitle: r.title,
      deadline: dateOnly(r.deadline),
      status: r.status,
      lead: loaded(companies, r.lead_company_id),
      members: r.members,
    }));
  }

  /** The eligible supporters of a group led by this company (or that one person), with what they speak for. */
  private async candidates(db: EntityManager, leadCompanyId: string, personId?: string): Promise<OpportunitySupporterCandidate[]> {
    const rows: { id: string; name: string; organization: string | null; networks: string[] }[] = await db.query(
      `SELECT s.person_id AS id, trim(p.first_name || ' ' || p.last_name) AS name,
              string_agg(DISTINCT COALESCE(org.name, COALESCE(c.trade_name, c.legal_name)), ', ') AS organization,
              array_agg(DISTINCT n.name) AS networks
       FROM (${this.access.groupSupportersSql('$1::uuid')}) s
       JOIN people p ON p.id = s.person_id AND p.erased_at IS NULL AND p.suspended_at IS NULL
       JOIN networks n ON n.id = s.network_id
       LEFT JOIN organizations org ON org.id = s.organization_id LEFT JOIN companies c ON c.id = s.company_id
       WHERE ($2::uuid IS NULL OR s.person_id = $2::uuid)
       GROUP BY s.person_id, p.first_name, p.last_name ORDER BY p.last_name, p.first_name, s.person_id`,
      [leadCompanyId, personId ?? null],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, organization: r.organization, networks: [...r.networks].sort() }));
  }

  /** The designated supporter as the group shows him (what he speaks for, while he still may). */
  private async supporterView(personId: string, leadCompanyId: string): Promise<OpportunityGroupSupporter | null> {
    const [candidate] = await this.candidates(this.db.manager, leadCompanyId, personId);
    if (candidate) return { id: candidate.id, name: candidate.name, organization: candidate.organization };
    const [person]: { name: string }[] = await this.db.query(
      "SELECT trim(first_name || ' ' || last_name) AS name FROM people WHERE id = $1",
      [personId],
    );
    return person ? { id: personId, name: person.name, organization: null } : null;
  }

  private async documents(opportunityId: string, groupId: string): Promise<GroupView['documents']> {
    const rows: { id: string; original_name: string; mime_type: string; size: number }[] = await this.db.query(
      `SELECT a.id, f.original_name, f.mime_type, f.size FROM opportunity_attachments a JOIN files f ON f.id = a.file_id
       WHERE a.group_id = $1 ORDER BY a.created_at, a.id`,
      [groupId],
    );
    return rows.map((r) => ({
      id: r.id,
      filename: r.original_name,
      contentType: r.mime_type,
      size: r.size,
      url: `/api/v1/opportunities/${opportunityId}/group/documents/${r.id}`,
    }));
  }

  /**
   * The group of an opportunity, for the people of its lead and of the invited companies, and its supporter while he
   * may support it (404 for everyone else). `lock`: the group row is locked for the caller's transaction.
   */
  private async visibleGroup(actor: MaybeActor, opportunityId: string, db: EntityManager, lock = false): Promise<OpportunityGroup> {
    const group = await db.findOne(OpportunityGroup, {
      where: { opportunityId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!group || !actor) throw AppException.notFound(GROUP);
    if (this.access.isPlatformAdmin(actor)) return group;
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM ${companyMembersFrom('cm', { person: '$1' })} WHERE (cm.company_id = $2
         OR cm.company_id IN (SELECT company_id FROM opportunity_group_members WHERE group_id = $3 AND status <> 'declined'))`,
      [actor.personId, group.leadCompanyId, group.id],
    );
    if (rows.length) return group;
    if (
      group.supporterPersonId === actor.personId &&
      (await this.access.opportunityGroupSupportersAmong(group.id, [actor.personId], db)).size
    )
      return group;
    throw AppException.notFound(GROUP);
  }

  private async rights(actor: MaybeActor, group: OpportunityGroup, db: EntityManager = this.db.manager): Promise<GroupView['rights']> {
    if (!actor) return { manage: false, post: false, acceptFor: [], support: false };
    const support =
      group.supporterPersonId === actor.personId &&
      (await this.access.opportunityGroupSupportersAmong(group.id, [actor.personId], db)).size > 0;
    const rows: { company_id: string; role: string; member: string | null }[] = await db.query(
      `SELECT cm.company_id, cm.role, gm.status AS member FROM ${companyMembersFrom('cm', { person: '$1' })}
       LEFT JOIN opportunity_group_members gm ON gm.group_id = $2 AND gm.company_id = cm.company_id`,
      [actor.personId, group.id],
    );
    const editor = (r: { role: string }) => r.role === 'owner' || r.role === 'admin';
    const lead = rows.some((r) => r.company_id === group.leadCompanyId);
    return {
      manage: rows.some((r) => r.company_id === group.leadCompanyId && editor(r)),
      post: lead || support || rows.some((r) => r.member === 'accepted'),
      acceptFor: rows.filter((r) => r.member === 'invited' && editor(r)).map((r) => r.company_id),
      support,
    };
  }

  /**
   * Figures for the steering indicators: opportunities published by companies that are active members of a network
   * hosted by the organisation (every opportunity without one), their responses, groups formed and those awarded.
   */
  async stats(organizationId?: string): Promise<OpportunityStats> {
    return organizationId
      ? this.figures(
          `o.company_id IN (SELECT m.company_id FROM network_memberships m JOIN networks n ON n.id = m.network_id
                          WHERE n.host_organization_id = $1 AND m.status = 'active')`,
          [organizationId],
        )
      : this.figures('TRUE', []);
  }

  /** The same figures over the opportunities of the active member companies of some networks (a steering portfolio). */
  async statsForNetworks(networkIds: readonly string[]): Promise<OpportunityStats> {
    return this.figures(
      `o.company_id IN (SELECT m.company_id FROM network_memberships m WHERE m.network_id = ANY($1::uuid[]) AND m.status = 'active')`,
      [networkIds],
    );
  }

  private async figures(scope: string, params: unknown[]): Promise<OpportunityStats> {
    const [row]: OpportunityStats[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE o.status <> 'draft')::int AS opportunities,
              count(*) FILTER (WHERE o.status = 'open')::int AS open,
              (SELECT count(*)::int FROM opportunity_responses r JOIN opportunities o ON o.id = r.opportunity_id WHERE ${scope}) AS responses,
              (SELECT count(*)::int FROM opportunity_groups g JOIN opportunities o ON o.id = g.opportunity_id WHERE ${scope} AND g.status <> 'dissolved') AS "groupsFormed",
              count(*) FILTER (WHERE o.status = 'awarded')::int AS awarded
       FROM opportunities o WHERE ${scope}`,
      params,
    );
    return row;
  }
}
