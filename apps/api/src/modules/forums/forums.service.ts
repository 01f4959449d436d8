import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ForumActivity } from '@maillage/contracts';

/**
 * What other modules may ask of the forums. The caller decides who may see these figures
 * (AccessPolicy.canSeeNetworkActivity): this service does not check.
 */
@Injectable()
export class ForumsService {
  constructor(private readonly db: DataSource) {}

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
    return rows.map((r) => ({ networkId: r.id, topicsLast30Days: r.topics, postsLast30Days: r.posts, lastPostAt: r.last_post_at?.toISOString() ?? null }));
  }
}
