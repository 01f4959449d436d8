import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NetworkVisibility } from '@maillage/contracts';
import { forumAudience } from '../../core/access/access-policy.service';
import { markdownToText } from '../../core/markdown';
import type { SearchDocument } from '../../core/search/search.types';
import type { SearchSource } from '../../core/search/search-indexer.service';

interface TopicRow {
  id: string;
  title: string;
  created_at: Date;
  network_id: string;
  category_name: string;
  body: string | null;
  post_count: number;
  solved: boolean;
  /** The home network first, then the networks it is shared with. */
  networks: { id: string; name: string; visibility: NetworkVisibility; host: string }[];
}

/**
 * Forum topics as search documents: the title and the opening post (unless hidden or deleted). A topic
 * any of whose networks is public is public (its forum is readable by everyone); otherwise only the
 * forums' readers find it (active members and host staff of each network: AccessPolicy.forumAudience).
 * Deleted topics have no document.
 */
@Injectable()
export class TopicSearchSource implements SearchSource {
  readonly kind = 'topic' as const;

  constructor(private readonly db: DataSource) {}

  async ids(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] =
      afterId === null
        ? await this.db.query('SELECT id FROM forum_topics WHERE deleted_at IS NULL ORDER BY id LIMIT $1', [limit])
        : await this.db.query('SELECT id FROM forum_topics WHERE deleted_at IS NULL AND id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
    return rows.map((r) => r.id);
  }

  /** The topics a network's forum shows: its own and those shared with it. */
  async idsOfNetwork(tx: EntityManager, networkId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      'SELECT id FROM forum_topics WHERE network_id = $1 UNION SELECT topic_id FROM forum_topic_shares WHERE network_id = $1',
      [networkId],
    );
    return rows.map((r) => r.id);
  }

  async load(ids: string[], options: { audienceOnly?: boolean } = {}): Promise<SearchDocument[]> {
    const rows: TopicRow[] = await this.db.query(
      `SELECT t.id, t.title, t.created_at, t.network_id, c.name AS category_name, t.post_count, t.solved_post_id IS NOT NULL AS solved,
              (SELECT p.body FROM forum_posts p WHERE p.topic_id = t.id AND p.sequence = 1 AND p.hidden_at IS NULL AND p.deleted_at IS NULL) AS body,
              (SELECT json_agg(json_build_object('id', n.id, 'name', n.name, 'visibility', n.visibility, 'host', n.host_organization_id)
                               ORDER BY n.id <> t.network_id, n.name)
               FROM networks n WHERE n.id = t.network_id OR n.id IN (SELECT s.network_id FROM forum_topic_shares s WHERE s.topic_id = t.id)) AS networks
       FROM forum_topics t JOIN forum_categories c ON c.id = t.category_id
       WHERE t.id = ANY($1::uuid[]) AND t.deleted_at IS NULL`,
      [ids],
    );
    return rows.map((t) => {
      const open = t.networks.some((n) => n.visibility === 'public');
      const home = t.networks[0];
      return {
        kind: 'topic',
        id: t.id,
        visibility: open ? 'public' : 'restricted',
        audience: open ? [] : t.networks.flatMap((n) => forumAudience(n.id, n.host)),
        title: t.title,
        keywords: [t.category_name],
        // (A hit's re-check needs the audience only: no text.)
        body: options.audienceOnly ? '' : markdownToText(t.body ?? '', 5000),
        facets: {},
        location: null,
        payload: {
          networkId: home?.id ?? t.network_id,
          // A secret home network's name is only shown to those who find the topic anyway (they read its forum).
          networkName: home?.name ?? null,
          category: t.category_name,
          postCount: t.post_count,
          solved: t.solved,
          createdAt: new Date(t.created_at).toISOString(),
        },
      };
    });
  }
}
