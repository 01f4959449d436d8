import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ForumPost, Locale } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import { extractMentions, markdownToText } from '../../core/markdown';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotifyInput } from '../notifications/notifications.types';
import { postPath } from './forum-views';

interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  first_name: string;
  last_name: string;
}

/** Who a new or edited post mentions and notifies, computed before the write transaction (PGlite: no reads outside it). */
export interface PostAudience {
  /** Mentioned people who may be mentioned (active members of the topic's networks), with their display names. */
  mentioned: Map<string, string>;
  /** Mentioned people to notify (forum.mention). */
  mentionMails: Recipient[];
  /** The author's display name (for the e-mails). */
  authorName: string;
  /** Followers (of an existing topic) to notify of a reply (forum.reply): never the author, nor someone already told of a mention. */
  followerMails: Recipient[];
  authorId: string;
  /** The topic's networks (home first): who may read one of their forums may be told. */
  networkIds: string[];
}

/** Mentions, notifications (in-app and e-mail) to mentioned people and followers, and the real-time events of the forums. */
@Injectable()
export class ForumNotifier {
  private readonly logger = new Logger('Forums');

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * Mentions of non-members are neutralised (plain text, nobody notified); every recipient is checked
   * by the policy as a reader of the topic, so no mail carries content to someone who cannot read it.
   */
  async audience(
    where: { networkIds: string[]; topicId: string | null },
    authorId: string,
    body: string,
    options: { alreadyMentioned?: readonly string[] } = {},
  ): Promise<PostAudience> {
    const mentionedIds = extractMentions(body).slice(0, 50);
    const mentionable = await this.access.forumMentionableAmong(where.networkIds, mentionedIds);
    const followerIds: string[] = where.topicId
      ? (await this.db.query('SELECT person_id FROM forum_topic_follows WHERE topic_id = $1', [where.topicId])).map(
          (r: { person_id: string }) => r.person_id,
        )
      : [];
    const ids = [...new Set([...mentionable, ...followerIds, authorId])];
    const readers = await this.access.forumReadersAmong(where.networkIds, ids);
    const people: Recipient[] = ids.length
      ? await this.db.query('SELECT id, email, locale, first_name, last_name FROM people WHERE id = ANY($1::uuid[])', [ids])
      : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const mentioned = new Map<string, string>();
    for (const id of mentionable) {
      const person = byId.get(id);
      if (person && readers.has(id)) mentioned.set(id, `${person.first_name} ${person.last_name}`.trim());
    }
    const already = new Set(options.alreadyMentioned ?? []);
    const recipients = (ids: Iterable<string>, keep: (id: string) => boolean) =>
      [...ids].flatMap((id) => (id !== authorId && keep(id) ? (byId.get(id) ?? []) : []));
    const mentionMails = recipients(mentioned.keys(), (id) => !already.has(id));
    const mailed = new Set(mentionMails.map((p) => p.id));
    const followerMails = recipients(followerIds, (id) => !mailed.has(id) && readers.has(id));
    const author = byId.get(authorId);
    const authorName = author ? `${author.first_name} ${author.last_name}`.trim() : '';
    return { mentioned, mentionMails, followerMails, authorName, authorId, networkIds: where.networkIds };
  }

  /**
   * Notifies in the post's transaction (in-app entries and e-mails per each person's preferences):
   * nothing is sent for a post that is not written. Readers are checked again there by the policy.
   */
  async sendMails(
    tx: EntityManager,
    topic: { id: string; title: string; networkName: string },
    audience: PostAudience,
    post: { sequence: number; body: string },
  ): Promise<void> {
    const event: Omit<NotifyInput, 'type' | 'recipients'> = {
      actorId: audience.authorId,
      subject: { kind: 'forum_topic', id: topic.id, networkId: audience.networkIds[0] ?? null },
      data: { author: audience.authorName, topic: topic.title, network: topic.networkName, excerpt: markdownToText(post.body, 400) },
      path: postPath(topic.id, post.sequence),
      visibleTo: (ids, db) => this.access.forumReadersAmong(audience.networkIds, ids, db),
    };
    const ids = (people: Recipient[]) => people.map((p) => p.id);
    await this.notifications.notify(tx, { ...event, type: 'forum.mention', recipients: ids(audience.mentionMails) });
    await this.notifications.notify(tx, { ...event, type: 'forum.reply', recipients: ids(audience.followerMails) });
  }

  /** Tells the forums' readers (rooms `forum:<networkId>`) that a topic moved up their lists; call after the commit. */
  /** Tells the members of the network that a topic was opened (`network.new_topic`; each one's level for the network decides). */
  async newTopic(
    tx: EntityManager,
    topic: { id: string; networkId: string; title: string; networkName: string; authorId: string; authorName: string; excerpt: string },
  ): Promise<void> {
    await this.notifications.notify(tx, {
      type: 'network.new_topic',
      recipients: await this.access.networkMemberIds(topic.networkId, tx),
      actorId: topic.authorId,
      subject: { kind: 'forum_topic', id: topic.id, networkId: topic.networkId },
      data: { network: topic.networkName, title: topic.title, author: topic.authorName, excerpt: topic.excerpt },
      path: `/forum/sujets/${topic.id}`,
    });
  }

  activity(topicId: string, networkIds: readonly string[]): void {
    try {
      for (const networkId of networkIds) this.realtime.emitToRoom(`forum:${networkId}`, 'forum:activity', { networkId, topicId });
    } catch (error) {
      this.logger.warn(`Real-time forum:activity failed: ${(error as Error).message}`);
    }
  }

  /** Tells the viewers of the topic (room `topic:<id>`); call after the commit. */
  emit(event: 'forum:post-created' | 'forum:post-updated', post: ForumPost): void {
    try {
      this.realtime.emitToRoom(`topic:${post.topicId}`, event, { topicId: post.topicId, post });
    } catch (error) {
      this.logger.warn(`Real-time ${event} failed: ${(error as Error).message}`);
    }
  }
}
