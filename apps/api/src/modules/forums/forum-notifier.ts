import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ForumPost, Locale } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import { extractMentions, markdownToText } from '../../core/markdown';
import { MailService } from '../../core/mail/mail.service';
import type { MailTemplate } from '../../core/mail/mail.types';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { postPath } from './forum-views';
import { forumMentionMail, forumReplyMail } from './forums.mail-templates';

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
  /** Mentioned people to e-mail. */
  mentionMails: Recipient[];
  /** The author's display name (for the e-mails). */
  authorName: string;
  /** Followers (of an existing topic) to e-mail about a reply: never the author, nor someone already mailed for a mention. */
  followerMails: Recipient[];
}

/** Mentions, e-mails to mentioned people and followers, and the real-time events of the forums. */
@Injectable()
export class ForumNotifier {
  private readonly logger = new Logger('Forums');

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      ? (await this.db.query('SELECT person_id FROM forum_topic_follows WHERE topic_id = $1', [where.topicId])).map((r: { person_id: string }) => r.person_id)
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
    return { mentioned, mentionMails, followerMails, authorName: author ? `${author.first_name} ${author.last_name}`.trim() : '' };
  }

  /** Writes the e-mails in the post's transaction (the outbox): nothing is sent for a post that is not written. */
  async sendMails(
    tx: EntityManager,
    topic: { id: string; title: string; networkName: string },
    audience: PostAudience,
    post: { sequence: number; body: string },
  ): Promise<void> {
    const data = {
      author: audience.authorName,
      topic: topic.title,
      network: topic.networkName,
      excerpt: markdownToText(post.body, 400),
      link: `${this.config.PUBLIC_URL}${postPath(topic.id, post.sequence)}`,
    };
    const send = (template: MailTemplate, to: Recipient) =>
      this.mail.send({ to: to.email, locale: to.locale === 'en' ? 'en' : 'fr', template, data: { ...data, firstName: to.first_name } }, tx);
    for (const person of audience.mentionMails) await send(forumMentionMail, person);
    for (const person of audience.followerMails) await send(forumReplyMail, person);
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

