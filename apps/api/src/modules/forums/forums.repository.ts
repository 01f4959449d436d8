import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  FORUM_REACTIONS,
  type ForumAuthor,
  type ForumCategory as ForumCategoryView,
  type ForumReaction,
  type ForumTopicFilter,
  type ForumTopicListItem,
} from '@maillage/contracts';
import { AccessPolicy, type NetworkStanding, type NetworkStandingRow } from '../../core/access/access-policy.service';
import type { MaybeActor } from '../../core/access/actor';
import { preparedQuery } from '../../core/database/prepared-query';
import { fileUrl } from '../../core/storage/file-url';
import { networkMemberPeopleFrom, networkStandingsJsonSql } from '../../core/access/network-standing.sql';

type Db = Pick<EntityManager, 'query'>;

/**
 * The author of a row (a person joined as `alias`) with their company: the one member of the network
 * (`networkExpr`) first, else their first company. One LATERAL join, no extra query.
 */
function authorJoin(alias: string, personIdExpr: string, networkExpr: string): string {
  return `LEFT JOIN people ${alias} ON ${alias}.id = ${personIdExpr}
    LEFT JOIN LATERAL (
      SELECT c.id, COALESCE(c.trade_name, c.legal_name) AS name FROM company_members cm JOIN companies c ON c.id = cm.company_id
      WHERE cm.person_id = ${alias}.id
      ORDER BY EXISTS (SELECT 1 FROM network_memberships m WHERE m.company_id = c.id AND m.network_id = ${networkExpr} AND m.status = 'active') DESC,
               c.legal_name, c.id
      LIMIT 1) ${alias}c ON ${alias}.id IS NOT NULL`;
}
function authorColumns(alias: string, prefix: string): string {
  return `${alias}.id AS ${prefix}_id, ${alias}.first_name AS ${prefix}_first_name, ${alias}.last_name AS ${prefix}_last_name, ${alias}.is_expert AS ${prefix}_expert,
    ${alias}.photo_file_id AS ${prefix}_photo, ${alias}c.id AS ${prefix}_company_id, ${alias}c.name AS ${prefix}_company_name`;
}
type AuthorRow<P extends string> = Record<
  `${P}_id` | `${P}_first_name` | `${P}_last_name` | `${P}_photo` | `${P}_company_id` | `${P}_company_name`,
  string | null
> &
  Record<`${P}_expert`, boolean | null>;

export function toAuthor<P extends string>(row: AuthorRow<P>, prefix: P): ForumAuthor | null {
  const get = (key: string) => (row as unknown as Record<string, string | null>)[`${prefix}_${key}`];
  const id = get('id');
  if (!id) return null;
  const companyId = get('company_id');
  return {
    personId: id,
    firstName: get('first_name') ?? '',
    lastName: get('last_name') ?? '',
    isExpert: (row as unknown as Record<string, boolean | null>)[`${prefix}_expert`] === true,
    photoUrl: fileUrl(get('photo')),
    company: companyId ? { id: companyId, name: get('company_name') ?? '' } : null,
  };
}

/** A deleted author (account removed) still shows as someone. */
const FORMER_MEMBER: ForumAuthor = { personId: '', firstName: '', lastName: '', isExpert: false, photoUrl: null, company: null };
export const authorOrFormer = (author: ForumAuthor | null): ForumAuthor => author ?? FORMER_MEMBER;

export interface TopicRow extends AuthorRow<'author'> {
  id: string;
  network_id: string;
  network_name: string;
  category_id: string;
  category_name: string;
  author_id: string | null;
  title: string;
  pinned: boolean;
  locked: boolean;
  solved_post_id: string | null;
  post_count: number;
  last_sequence: number;
  last_post_at: Date;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  shared_ids: string[] | null;
  /** The reader's standings in the topic's networks (AccessPolicy.networkStandingsOf reads them). */
  standings: NetworkStandingRow[] | null;
  following: boolean;
  last_read: number;
  posts_version: number;
  /** Given posts: their reactions (counts, and whether the reader's), read with the topic rather than kept. */
  page_reactions?: { post: string; reaction: ForumReaction; count: number; mine: boolean }[] | null;
}

export interface PostRow extends AuthorRow<'author'> {
  id: string;
  topic_id: string;
  sequence: number;
  author_id: string | null;
  body: string;
  html: string;
  edited_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  deleted_at: Date | null;
  created_at: Date;
  quote_id: string | null;
  quote_sequence: number | null;
  quote_body: string | null;
  quote_gone: boolean | null;
  quote_author_id: string | null;
  quote_author_expert: boolean | null;
  quote_first_name: string | null;
  quote_last_name: string | null;
  reactions: { reaction: ForumReaction; count: number; mine: boolean }[];
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
  /** The topic's posts version and network when the row was read (ForumReader). */
  posts_version: number;
  home_network_id: string;
}

/** A topic of a list as anyone sees it (the reader's unread count and follow are added to it). */
export interface ListedTopic {
  item: Omit<ForumTopicListItem, 'unreadCount' | 'following'>;
  lastSequence: number;
}

/** What a reader has read (last sequence number per topic) and follows among some topics. */
export interface ReaderState {
  reads: Map<string, number>;
  follows: Set<string>;
}

export type PostSelection = { bySequence: [number, number] } | { after: number; limit: number } | { id: string };

/** The forums' read queries: each view is one SQL statement, the access check included or read beside it. */
@Injectable()
export class ForumsRepository {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async categories(networkId: string): Promise<ForumCategoryView[]> {
    const rows: {
      id: string;
      network_id: string;
      name: string;
      description: string | null;
      position: number;
      topic_count: number;
      last_post_at: Date | null;
    }[] = await this.db.query(
      `SELECT c.id, c.network_id, c.name, c.description, c.position,
                (SELECT count(*)::int FROM forum_topics t WHERE t.category_id = c.id AND t.deleted_at IS NULL) AS topic_count,
                (SELECT max(t.last_post_at) FROM forum_topics t WHERE t.category_id = c.id AND t.deleted_at IS NULL) AS last_post_at
         FROM forum_categories c WHERE c.network_id = $1 ORDER BY c.position, c.name, c.id`,
      [networkId],
    );
    return rows.map((r) => ({
      id: r.id,
      networkId: r.network_id,
      name: r.name,
      description: r.description,
      position: r.position,
      topicCount: r.topic_count,
      lastPostAt: r.last_post_at?.toISOString() ?? null,
    }));
  }

  /**
   * One topic with everything its page header shows, whatever its state (the caller checks the rights); given
   * posts of the topic (ids the server read, never a client's), also their reactions.
   */
  async topic(actor: MaybeActor, topicId: string, db: Db = this.db, reactionsOn?: string[]): Promise<TopicRow | null> {
    const person = this.access.personParam(actor);
    const [row] = reactionsOn
      ? await preparedQuery<TopicRow>(db, this.topicWithReactionsSql, [topicId, person, reactionsOn])
      : await preparedQuery<TopicRow>(db, this.topicSql, [topicId, person]);
    return row ?? null;
  }

  /** The statements of `topic` (built once: the busiest pages run them). */
  private readonly topicSql = this.topicStatement('');
  private readonly topicWithReactionsSql = this.topicStatement(
    `(SELECT json_agg(json_build_object('post', x.post_id, 'reaction', x.reaction, 'count', x.n, 'mine', x.mine) ORDER BY x.since, x.reaction)
        FROM (SELECT r.post_id, r.reaction, count(*)::int AS n, COALESCE(bool_or(r.person_id = $2::uuid), false) AS mine, min(r.created_at) AS since
              FROM forum_reactions r WHERE r.post_id = ANY($3::uuid[]) GROUP BY r.post_id, r.reaction) x) AS page_reactions,`,
  );

  private topicStatement(extra: string): string {
    return `SELECT t.id, t.network_id, n.name AS network_name, t.category_id, c.name AS category_name, t.author_id, t.title, t.pinned, t.locked,
              t.solved_post_id, t.post_count, t.last_sequence, t.last_post_at, t.deleted_at, t.created_at, t.updated_at, t.posts_version,
              sh.ids AS shared_ids, ${networkStandingsJsonSql("t.network_id || COALESCE(sh.ids, '{}')", '$2::uuid')} AS standings,
              EXISTS (SELECT 1 FROM forum_topic_follows f WHERE f.topic_id = t.id AND f.person_id = $2::uuid) AS following,
              COALESCE((SELECT r.last_read_sequence FROM forum_topic_reads r WHERE r.topic_id = t.id AND r.person_id = $2::uuid), 0) AS last_read,
              ${extra} ${authorColumns('a', 'author')}
       FROM forum_topics t JOIN networks n ON n.id = t.network_id JOIN forum_categories c ON c.id = t.category_id
       CROSS JOIN LATERAL (SELECT array_agg(s.network_id) AS ids FROM forum_topic_shares s WHERE s.topic_id = t.id) sh
       ${authorJoin('a', 't.author_id', 't.network_id')}
       WHERE t.id = $1`;
  }

  /** The topic a post belongs to (for routes addressed by post id). */
  async topicIdOfPost(postId: string): Promise<string | null> {
    const [row]: { topic_id: string }[] = await this.db.query('SELECT topic_id FROM forum_posts WHERE id = $1', [postId]);
    return row?.topic_id ?? null;
  }

  /** Posts of a topic (their authors' companies as seen from the topic's network); needs only the topic's id, so it may run beside `topic`. */
  async posts(actor: MaybeActor, topicId: string, selection: PostSelection, db: Db = this.db): Promise<PostRow[]> {
    const params: unknown[] = [topicId, this.access.personParam(actor)];
    let where: string;
    let limit = '';
    if ('bySequence' in selection) {
      where = `p.sequence BETWEEN $${params.push(selection.bySequence[0])} AND $${params.push(selection.bySequence[1])}`;
    } else if ('after' in selection) {
      where = `p.sequence > $${params.push(selection.after)}`;
      limit = `LIMIT $${params.push(selection.limit)}`;
    } else {
      where = `p.id = $${params.push(selection.id)}`;
    }
    const rows = await preparedQuery<PostRow>(
      db,
      `SELECT p.id, p.topic_id, p.sequence, p.author_id, p.body, p.html, p.edited_at, p.hidden_at, p.hidden_reason, p.deleted_at, p.created_at,
              t.posts_version, t.network_id AS home_network_id, ${authorColumns('a', 'author')},
              q.id AS quote_id, q.sequence AS quote_sequence, q.body AS quote_body,
              (q.hidden_at IS NOT NULL OR q.deleted_at IS NOT NULL) AS quote_gone, qa.id AS quote_author_id, qa.is_expert AS quote_author_expert, qa.first_name AS quote_first_name, qa.last_name AS quote_last_name,
              (SELECT COALESCE(json_agg(json_build_object('reaction', x.reaction, 'count', x.n, 'mine', x.mine) ORDER BY x.since, x.reaction), '[]'::json)
                 FROM (SELECT r.reaction, count(*)::int AS n, COALESCE(bool_or(r.person_id = $2::uuid), false) AS mine, min(r.created_at) AS since
                       FROM forum_reactions r WHERE r.post_id = p.id GROUP BY r.reaction) x) AS reactions,
              (SELECT COALESCE(json_agg(json_build_object('id', fa.id, 'fileName', f.original_name, 'contentType', f.mime_type, 'size', f.size)
                                        ORDER BY fa.created_at, fa.id), '[]'::json)
                 FROM forum_attachments fa JOIN files f ON f.id = fa.file_id WHERE fa.post_id = p.id) AS attachments
       FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id
       ${authorJoin('a', 'p.author_id', 't.network_id')}
       LEFT JOIN forum_posts q ON q.id = p.quote_post_id
       LEFT JOIN people qa ON qa.id = q.author_id
       WHERE p.topic_id = $1 AND ${where}
       ORDER BY p.sequence ${limit}`,
      params,
    );
    for (const row of rows) row.reactions.sort((a, b) => FORUM_REACTIONS.indexOf(a.reaction) - FORUM_REACTIONS.indexOf(b.reaction));
    return rows;
  }

  /**
   * Topics of a network's forum and those shared with it, pinned first, then by last post, with what the reader
   * has read and follows among them, and the network's list version (null without topics).
   */
  async topicList(
    actor: MaybeActor,
    networkId: string,
    query: { categoryId?: string; filter: ForumTopicFilter; page: number; pageSize: number },
  ): Promise<{ topics: ListedTopic[]; total: number; version: string | null } & ReaderState> {
    const params: unknown[] = [networkId, actor?.personId ?? null];
    // The network's own topics and those shared with it: two index scans (never a scan of every topic).
    const source = `(SELECT x.* FROM forum_topics x WHERE x.network_id = $1
        UNION ALL SELECT x.* FROM forum_topic_shares s JOIN forum_topics x ON x.id = s.topic_id WHERE s.network_id = $1 AND x.network_id <> $1) t
      LEFT JOIN forum_topic_reads r ON r.topic_id = t.id AND r.person_id = $2::uuid
      LEFT JOIN forum_topic_follows f ON f.topic_id = t.id AND f.person_id = $2::uuid`;
    const where = ['t.deleted_at IS NULL'];
    if (query.categoryId) where.push(`t.category_id = $${params.push(query.categoryId)}`);
    if (query.filter === 'unread') where.push('$2::uuid IS NOT NULL AND t.last_sequence > COALESCE(r.last_read_sequence, 0)');
    if (query.filter === 'following') where.push('f.person_id IS NOT NULL');
    if (query.filter === 'solved') where.push('t.solved_post_id IS NOT NULL');
    if (query.filter === 'unsolved') where.push('t.solved_post_id IS NULL');
    const condition = where.join(' AND ');
    const countParams = params.length;
    const count = async () =>
      (
        await preparedQuery<{ total: number }>(
          this.db,
          `SELECT count(*)::int AS total FROM ${source} WHERE ${condition}`,
          params.slice(0, countParams),
        )
      )[0].total;
    const limit = params.push(query.pageSize);
    const offset = params.push((query.page - 1) * query.pageSize);
    const rows = await preparedQuery<
      AuthorRow<'author'> & {
        total: number;
        id: string;
        network_id: string;
        network_name: string;
        category_id: string;
        category_name: string;
        title: string;
        pinned: boolean;
        locked: boolean;
        solved: boolean;
        post_count: number;
        last_sequence: number;
        read_sequence: number | null;
        following: boolean;
        list_version: number;
        last_post_at: Date;
        created_at: Date;
        last_id: string | null;
        last_first_name: string | null;
        last_last_name: string | null;
        last_expert: boolean | null;
      }
    >(
      this.db,
      // The page of topics first (with the number of them all), then the names of what the 20 rows show.
      `SELECT t.total, t.id, t.network_id, n.name AS network_name, t.category_id, c.name AS category_name, t.title, t.pinned, t.locked,
              t.solved_post_id IS NOT NULL AS solved, t.post_count, t.last_sequence, t.read_sequence, t.following, t.last_post_at, t.created_at,
              COALESCE((SELECT v.version FROM forum_list_versions v WHERE v.network_id = $1), 0) AS list_version,
              l.id AS last_id, l.first_name AS last_first_name, l.last_name AS last_last_name, l.is_expert AS last_expert,
              ${authorColumns('a', 'author')}
       FROM (SELECT t.*, r.last_read_sequence AS read_sequence, f.person_id IS NOT NULL AS following, count(*) OVER ()::int AS total FROM ${source}
             WHERE ${condition} ORDER BY t.pinned DESC, t.last_post_at DESC, t.id LIMIT $${limit} OFFSET $${offset}) t
       JOIN networks n ON n.id = t.network_id JOIN forum_categories c ON c.id = t.category_id
       LEFT JOIN people l ON l.id = t.last_post_author_id
       ${authorJoin('a', 't.author_id', 't.network_id')}
       ORDER BY t.pinned DESC, t.last_post_at DESC, t.id`,
      params,
    );
    return {
      // Past the last page, the rows cannot tell how many there are.
      total: rows[0]?.total ?? (query.page > 1 ? await count() : 0),
      version: rows.length ? String(rows[0].list_version) : null,
      reads: new Map(rows.flatMap((r) => (r.read_sequence === null ? [] : [[r.id, r.read_sequence] as const]))),
      follows: new Set(rows.filter((r) => r.following).map((r) => r.id)),
      topics: rows.map((r) => ({
        lastSequence: r.last_sequence,
        item: {
          id: r.id,
          networkId: r.network_id,
          networkName: r.network_name,
          shared: r.network_id !== networkId,
          categoryId: r.category_id,
          categoryName: r.category_name,
          title: r.title,
          author: authorOrFormer(toAuthor(r, 'author')),
          pinned: r.pinned,
          locked: r.locked,
          solved: r.solved,
          postCount: r.post_count,
          lastPostAt: r.last_post_at.toISOString(),
          lastPostAuthor: r.last_id
            ? {
                personId: r.last_id,
                firstName: r.last_first_name ?? '',
                lastName: r.last_last_name ?? '',
                isExpert: r.last_expert === true,
              }
            : null,
          createdAt: r.created_at.toISOString(),
        },
      })),
    };
  }

  /**
   * For a topic list kept from an earlier read (ForumReader): the reader's standing in the network, the
   * network's current list version, and what the reader has read and follows among the listed topics.
   */
  async topicListReader(
    actor: MaybeActor,
    networkId: string,
    topicIds: string[],
  ): Promise<{ standing: NetworkStanding | null; version: string } & ReaderState> {
    const [row] = await preparedQuery<{
      standings: NetworkStandingRow[] | null;
      version: number;
      reads: [string, number][] | null;
      follows: string[] | null;
    }>(
      this.db,
      `SELECT ${networkStandingsJsonSql('ARRAY[$1::uuid]', '$2::uuid')} AS standings,
              COALESCE((SELECT v.version FROM forum_list_versions v WHERE v.network_id = $1), 0) AS version,
              (SELECT json_agg(json_build_array(r.topic_id, r.last_read_sequence)) FROM forum_topic_reads r
               WHERE r.person_id = $2::uuid AND r.topic_id = ANY($3::uuid[])) AS reads,
              (SELECT array_agg(f.topic_id) FROM forum_topic_follows f WHERE f.person_id = $2::uuid AND f.topic_id = ANY($3::uuid[])) AS follows`,
      [networkId, this.access.personParam(actor), topicIds],
    );
    return {
      standing: this.access.networkStandingsOf(actor, row.standings).get(networkId) ?? null,
      version: String(row.version),
      reads: new Map(row.reads ?? []),
      follows: new Set(row.follows ?? []),
    };
  }

  /**
   * Autocomplete: people of the network's active member companies and of its host's staff (shown with the
   * organisation's name) whose name starts with one of the words of `q`.
   */
  async mentionCandidates(networkId: string, q: string | undefined, excludeId: string) {
    const rows: { id: string; first_name: string; last_name: string; photo_file_id: string | null; company_name: string | null }[] =
      await this.db.query(
        `SELECT DISTINCT ON (p.last_name, p.first_name, p.id) p.id, p.first_name, p.last_name, p.photo_file_id, w.company_name
       FROM (SELECT cm.person_id, COALESCE(c.trade_name, c.legal_name) AS company_name
             FROM ${networkMemberPeopleFrom('cm', { network: '$1', statuses: ['active'] })}
             JOIN companies c ON c.id = cm.company_id
             UNION ALL
             SELECT s.person_id, o.name FROM network_host_staff s JOIN networks n ON n.id = s.network_id
             JOIN organizations o ON o.id = n.host_organization_id WHERE s.network_id = $1) w
       JOIN people p ON p.id = w.person_id
       WHERE p.id <> $2 AND p.erased_at IS NULL AND ${this.access.listedInContactsSql('p.id')}
         AND ($3::text IS NULL OR p.first_name ILIKE $3 OR p.last_name ILIKE $3 OR (p.first_name || ' ' || p.last_name) ILIKE $3)
       ORDER BY p.last_name, p.first_name, p.id LIMIT 10`,
        [networkId, excludeId, q ? `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null],
      );
    return rows.map((r) => ({
      personId: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      photoUrl: fileUrl(r.photo_file_id),
      companyName: r.company_name,
    }));
  }
}
