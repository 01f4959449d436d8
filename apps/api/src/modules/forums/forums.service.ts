import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ForumActivity } from '@maillage/contracts';
import { ForumCategory } from './entities/forum-category.entity';

/** The category every new forum starts with, so that its first members can post before anyone organises it. */
export const DEFAULT_FORUM_CATEGORY = {
  name: 'Discussions générales',
  description: 'Questions, annonces et échanges entre membres du réseau.',
};

/**
 * What other modules may ask of the forums. The caller decides who may see these figures
 * (AccessPolicy.canSeeNetworkActivity): this service does not check.
 */
@Injectable()
export class ForumsService {
  constructor(private readonly db: DataSource) {}

  /** Gives a new network's forum its first category (in the network's creating transaction). */
  async createDefaultCategory(tx: EntityManager, networkId: string): Promise<void> {
    await tx.insert(ForumCategory, {
      networkId,
      name: DEFAULT_FORUM_CATEGORY.name,
      description: DEFAULT_FORUM_CATEGORY.description,
      position: 0,
    });
  }

  /** Topics opened and visible posts written in the last 30 days, and the date of the last visible post, per network. */
  async activity(networkIds: readonly string[]): Promise<ForumActivity[]> {
    if (!networkIds.length) return [];
    const rows: { id: string; topics: number; posts: number; last_post_at: Date | null }[] = await this.db.query(
      `SELECT ids.id,
              (SELECT count(*)::int FROM forum_topics t WHERE t.network_id = ids.id AND t.deleted_at IS NULL
                 AND t.created_at >= now() - interval '30 days') AS topics,
              (SELECT count(*)::int FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id
               WHERE t.network_id = ids.id AND t.deleted_at IS NULL AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                 AND p.created_at >= now() - interval '30 days') AS posts,
              (SELECT max(t.last_post_at) FROM forum_topics t WHERE t.network_id = ids.id AND t.deleted_at IS NULL) AS last_post_at
       FROM unnest($1::uuid[]) AS ids(id)`,
      [[...new Set(networkIds)]],
    );
    return rows.map((r) => ({
      networkId: r.id,
      topicsLast30Days: r.topics,
      postsLast30Days: r.posts,
      lastPostAt: r.last_post_at?.toISOString() ?? null,
    }));
  }

  /** Per network, the topics with posts the person has not read (their own posts count as read). */
  async unreadTopicCounts(personId: string, networkIds: readonly string[]): Promise<Map<string, number>> {
    if (!networkIds.length) return new Map();
    const rows: { network_id: string; unread: number }[] = await this.db.query(
      `SELECT t.network_id, count(*)::int AS unread FROM forum_topics t
       LEFT JOIN forum_topic_reads r ON r.topic_id = t.id AND r.person_id = $1
       WHERE t.network_id = ANY($2::uuid[]) AND t.deleted_at IS NULL AND t.last_sequence > COALESCE(r.last_read_sequence, 0)
       GROUP BY t.network_id`,
      [personId, [...new Set(networkIds)]],
    );
    return new Map(rows.map((r) => [r.network_id, r.unread]));
  }

  /**
   * The latest topics with activity in these networks (the caller passes networks whose forums the person reads).
   */
  async recentTopics(
    networkIds: readonly string[],
    limit: number,
  ): Promise<
    {
      id: string;
      title: string;
      networkId: string;
      networkName: string;
      lastPostAt: string;
      lastAuthor: string | null;
      postCount: number;
    }[]
  > {
    if (!networkIds.length) return [];
    const rows: {
      id: string;
      title: string;
      network_id: string;
      network_name: string;
      last_post_at: Date;
      author: string | null;
      post_count: number;
    }[] = await this.db.query(
      `SELECT t.id, t.title, t.network_id, n.name AS network_name, t.last_post_at, t.post_count,
              (SELECT p.first_name || ' ' || p.last_name FROM people p WHERE p.id = t.last_post_author_id) AS author
       FROM forum_topics t JOIN networks n ON n.id = t.network_id
       WHERE t.network_id = ANY($1::uuid[]) AND t.deleted_at IS NULL
       ORDER BY t.last_post_at DESC, t.id LIMIT $2`,
      [[...new Set(networkIds)], limit],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      networkId: r.network_id,
      networkName: r.network_name,
      lastPostAt: r.last_post_at.toISOString(),
      lastAuthor: r.author,
      postCount: r.post_count,
    }));
  }

  /** The topics opened lately in these networks, newest first (the caller passes networks whose forums the reader reads). */
  async newTopics(
    networkIds: readonly string[],
    limit: number,
  ): Promise<{ id: string; networkId: string; title: string; author: string | null; at: Date }[]> {
    if (!networkIds.length) return [];
    const rows: { id: string; network_id: string; title: string; author: string | null; created_at: Date }[] = await this.db.query(
      `SELECT t.id, t.network_id, t.title, t.created_at, (SELECT trim(p.first_name || ' ' || p.last_name) FROM people p WHERE p.id = t.author_id) AS author
       FROM forum_topics t WHERE t.network_id = ANY($1::uuid[]) AND t.deleted_at IS NULL
       ORDER BY t.created_at DESC, t.id LIMIT $2`,
      [[...new Set(networkIds)], limit],
    );
    return rows.map((r) => ({ id: r.id, networkId: r.network_id, title: r.title, author: r.author, at: new Date(r.created_at) }));
  }

  // ---------- steering aggregates (read by the steering module's refresh job) ----------

  /**
   * Forum activity per network and Europe/Paris day in [from, to): topics opened and visible posts (hidden and deleted
   * ones excluded), and who wrote them. `db`: the caller's transaction.
   */
  async steeringActivity(
    db: Pick<EntityManager, 'query'>,
    from: string,
    to: string,
  ): Promise<{
    days: { network_id: string; day: string; topics: number; posts: number }[];
    people: { network_id: string; person_id: string; day: string }[];
  }> {
    const days = await db.query(
      `WITH p AS (
         SELECT t.network_id, (p.created_at AT TIME ZONE 'Europe/Paris')::date AS day, p.sequence, p.author_id
         FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id
         WHERE p.created_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris') AND p.created_at < ($2::date::timestamp AT TIME ZONE 'Europe/Paris')
           AND p.hidden_at IS NULL AND p.deleted_at IS NULL AND t.deleted_at IS NULL)
       SELECT network_id, day::text AS day, count(*) FILTER (WHERE sequence = 1)::int AS topics, count(*)::int AS posts FROM p GROUP BY 1, 2`,
      [from, to],
    );
    const people = await db.query(
      `SELECT DISTINCT t.network_id, p.author_id AS person_id, (p.created_at AT TIME ZONE 'Europe/Paris')::date::text AS day
       FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id
       WHERE p.created_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris') AND p.created_at < ($2::date::timestamp AT TIME ZONE 'Europe/Paris')
         AND p.hidden_at IS NULL AND p.deleted_at IS NULL AND t.deleted_at IS NULL AND p.author_id IS NOT NULL`,
      [from, to],
    );
    return { days, people };
  }

  /**
   * Per network, the topics opened since `since` (not deleted): how many, how many got a visible reply by someone
   * other than their author, and the median hours to that first reply.
   */
  async steeringAnswers(
    db: Pick<EntityManager, 'query'>,
    since: Date,
  ): Promise<{ network_id: string; topics: number; answered: number; median_hours: number | null }[]> {
    const rows: { network_id: string; topics: number; answered: number; median_hours: string | null }[] = await db.query(
      `SELECT t.network_id, count(*)::int AS topics, count(r.first_at)::int AS answered,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_at - t.created_at) / 3600) AS median_hours
       FROM forum_topics t
       LEFT JOIN LATERAL (SELECT min(p.created_at) AS first_at FROM forum_posts p
                          WHERE p.topic_id = t.id AND p.sequence > 1 AND p.hidden_at IS NULL AND p.deleted_at IS NULL
                            AND p.author_id IS DISTINCT FROM t.author_id) r ON true
       WHERE t.created_at >= $1 AND t.deleted_at IS NULL
       GROUP BY t.network_id`,
      [since],
    );
    return rows.map((r) => ({ ...r, median_hours: r.median_hours === null ? null : Number(r.median_hours) }));
  }
}
