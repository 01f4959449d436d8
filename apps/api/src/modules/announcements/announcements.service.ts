import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Announcement as AnnouncementView } from '@maillage/contracts';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { markdownToText, renderMarkdown } from '../../core/markdown';
import { NotificationsService } from '../notifications/notifications.service';
import type { AnnouncementDto } from './dto/announcements.dto';
import { Announcement } from './entities/announcement.entity';

interface AnnouncementRow {
  id: string;
  network_id: string;
  network_name: string;
  network_slug: string;
  title: string;
  body: string;
  body_html: string;
  pinned: boolean;
  pinned_until: Date | null;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A recent announcement, for the activity feed (the caller decides who may see it). */
export interface RecentAnnouncement {
  id: string;
  networkId: string;
  title: string;
  authorName: string | null;
  createdAt: Date;
}

const SELECT = `SELECT a.id, a.network_id, n.name AS network_name, n.slug AS network_slug, a.title, a.body, a.body_html,
    (a.pinned AND (a.pinned_until IS NULL OR a.pinned_until > now())) AS pinned, a.pinned_until, a.author_id,
    trim(p.first_name || ' ' || p.last_name) AS author_name, a.created_at, a.updated_at
  FROM announcements a JOIN networks n ON n.id = a.network_id LEFT JOIN people p ON p.id = a.author_id`;

/** How many announcements a network's page lists (pinned ones first). */
const LIST_MAX = 20;

/**
 * Announcements: a network's managers publish them; they are pinned on its page (until unpinned or their date) and
 * notified at once to its members (`network.announcement`: in-app, and by e-mail as each person chose). Whoever
 * reads the network's content (the access policy's canReadForum) reads them; nobody else learns they exist.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly notifications: NotificationsService,
  ) {}

  /** A network's announcements, pinned ones first, then the latest. */
  async list(actor: MaybeActor, networkId: string): Promise<AnnouncementView[]> {
    const standing = await this.readable(actor, networkId);
    const rows: AnnouncementRow[] = await this.db.query(
      `${SELECT} WHERE a.network_id = $1 ORDER BY (a.pinned AND (a.pinned_until IS NULL OR a.pinned_until > now())) DESC, a.created_at DESC, a.id LIMIT $2`,
      [networkId, LIST_MAX],
    );
    return rows.map((row) => this.view(row, standing));
  }

  async get(actor: MaybeActor, id: string): Promise<AnnouncementView> {
    const row = await this.row(id);
    const standing = await this.readable(actor, row.network_id, 'Announcement');
    return this.view(row, standing);
  }

  /** Publishes and notifies the network's members in the same transaction (a rolled-back announcement tells nobody). */
  async create(actor: Actor, networkId: string, dto: AnnouncementDto): Promise<AnnouncementView> {
    await this.manageable(actor, networkId);
    const fields = this.fields(dto);
    const id = await this.db.transaction(async (tx) => {
      const saved = await tx.save(Announcement, tx.create(Announcement, { networkId, authorId: actor.personId, ...fields }));
      await this.notify(tx, actor, saved);
      return saved.id;
    });
    return this.get(actor, id);
  }

  /** Edits the text or the pinning (no new notification: members were told when it was published). */
  async update(actor: Actor, id: string, dto: AnnouncementDto): Promise<AnnouncementView> {
    const row = await this.row(id);
    await this.manageable(actor, row.network_id, 'Announcement');
    await this.db.getRepository(Announcement).update(id, this.fields(dto));
    return this.get(actor, id);
  }

  /** Unpins it (it stays in the list and the feed). */
  async unpin(actor: Actor, id: string): Promise<AnnouncementView> {
    const row = await this.row(id);
    await this.manageable(actor, row.network_id, 'Announcement');
    await this.db.getRepository(Announcement).update(id, { pinned: false });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const row = await this.row(id);
    await this.manageable(actor, row.network_id, 'Announcement');
    await this.db.getRepository(Announcement).delete(id);
  }

  /** The latest announcements of these networks (the activity feed; the caller passes networks whose content the reader may see). */
  async recent(networkIds: readonly string[], limit: number): Promise<RecentAnnouncement[]> {
    if (!networkIds.length) return [];
    const rows: AnnouncementRow[] = await this.db.query(
      `${SELECT} WHERE a.network_id = ANY($1::uuid[]) ORDER BY a.created_at DESC, a.id LIMIT $2`,
      [[...new Set(networkIds)], limit],
    );
    return rows.map((r) => ({
      id: r.id,
      networkId: r.network_id,
      title: r.title,
      authorName: r.author_name,
      createdAt: new Date(r.created_at),
    }));
  }

  private fields(dto: AnnouncementDto) {
    const title = dto.title.trim();
    const body = dto.body.trim();
    if (!title || !body) throw AppException.badRequest('VALIDATION_FAILED', 'An announcement needs a title and a text');
    const pinnedUntil = dto.pinnedUntil ? new Date(dto.pinnedUntil) : null;
    if (pinnedUntil && pinnedUntil.getTime() <= Date.now())
      throw AppException.badRequest('PINNED_UNTIL_PAST', 'The end of pinning must be in the future');
    return { title, body, bodyHtml: renderMarkdown(body), pinned: dto.pinned ?? true, pinnedUntil };
  }

  private async notify(tx: EntityManager, actor: Actor, announcement: Announcement): Promise<void> {
    const [network]: { name: string; slug: string }[] = await tx.query('SELECT name, slug FROM networks WHERE id = $1', [
      announcement.networkId,
    ]);
    await this.notifications.notify(tx, {
      type: 'network.announcement',
      recipients: await this.access.networkMemberIds(announcement.networkId, tx),
      actorId: actor.personId,
      subject: { kind: 'announcement', id: announcement.id, networkId: announcement.networkId },
      data: { network: network.name, title: announcement.title, excerpt: markdownToText(announcement.body, 300) },
      path: `/reseaux/${network.slug}`,
    });
  }

  private async row(id: string): Promise<AnnouncementRow> {
    const [row]: AnnouncementRow[] = await this.db.query(`${SELECT} WHERE a.id = $1`, [id]);
    if (!row) throw AppException.notFound('Announcement');
    return row;
  }

  /** Whoever reads the network's content; 404 for everyone else (a private network's announcements do not reveal themselves). */
  private async readable(actor: MaybeActor, networkId: string, what = 'Network'): Promise<NetworkStanding> {
    return this.access.require(actor, 'forum.read', { network: networkId }, { hide: what });
  }

  private async manageable(actor: Actor, networkId: string, what = 'Network'): Promise<void> {
    const standing = await this.access.require(actor, 'network.see', { network: networkId }, { hide: what });
    if (!this.access.canManageNetwork(standing)) {
      // Those who may not even read the content do not learn that the announcement exists.
      if (what === 'Announcement' && !this.access.canReadForum(standing)) throw AppException.notFound(what);
      throw AppException.forbidden('Only the network’s animators publish its announcements');
    }
  }

  private view(row: AnnouncementRow, standing: NetworkStanding): AnnouncementView {
    return {
      id: row.id,
      networkId: row.network_id,
      networkName: row.network_name,
      title: row.title,
      body: row.body,
      html: row.body_html,
      author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
      pinned: row.pinned,
      pinnedUntil: row.pinned_until ? new Date(row.pinned_until).toISOString() : null,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      canManage: this.access.canManageNetwork(standing),
    };
  }
}
