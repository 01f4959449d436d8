import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ForumTopicListItem, ForumTopicPage, Page } from '@maillage/contracts';
import type { MaybeActor } from '../../core/access/actor';
import type { ForumPageQueryDto, ForumTopicListQueryDto } from './dto/forum.dto';
import { besideCheck, ForumContextService } from './forum-context.service';
import { postView, topicView } from './forum-views';
import { ForumsRepository, type ListedTopic, type PostRow, type ReaderState, type TopicRow } from './forums.repository';

/** How long the names, photos and companies of authors may show as they were when a page was read. */
const NAMES_FRESH_MS = 30_000;

/** Reads kept with the version of the data they were read at (an estimate of their weight bounds them). */
class KeptReads<T> {
  private readonly kept: LRUCache<string, { version: string; value: T }>;

  constructor(weigh: (value: T) => number) {
    this.kept = new LRUCache({ maxSize: 16 * 1024 * 1024, sizeCalculation: ({ value }) => Math.max(1, weigh(value)), ttl: NAMES_FRESH_MS });
  }

  /** What was kept under `key`, whatever its version (the caller does not know the current one yet). */
  peek(key: string): { version: string; value: T } | undefined {
    return this.kept.get(key);
  }

  keep(key: string, version: string, value: T): T {
    this.kept.set(key, { version, value });
    return value;
  }
}

/** What a topic page's posts depend on (ForumReader's pages): the topic's posts version and network. */
const postsVersion = (version: number, networkId: string): string => `${version}:${networkId}`;

/** Kept posts with the reactions read just now (the same rows where nothing differs). */
function withReactions(rows: PostRow[], current: NonNullable<TopicRow['page_reactions']>): PostRow[] {
  const byPost = new Map<string, PostRow['reactions']>();
  for (const { post, ...reaction } of current) byPost.set(post, [...(byPost.get(post) ?? []), reaction]);
  const same = (a: PostRow['reactions'], b: PostRow['reactions']) =>
    a.length === b.length && a.every((r) => b.some((o) => o.reaction === r.reaction && o.count === r.count && o.mine === r.mine));
  return rows.map((row) => {
    const reactions = byPost.get(row.id) ?? [];
    return same(row.reactions, reactions) ? row : { ...row, reactions };
  });
}

/**
 * The busiest forum reads (a topic page, a page of a topic list), kept in this process while they are current; how the
 * versions are bumped and read is in README.md. Each read asks the current version of what it shows together with its
 * access check (the same statement) and reuses what it kept only when the versions match. The versions live in the
 * database and are bumped by triggers whoever writes (another process, a cascade), so every process notices a change
 * at its next read:
 * - `pages`: the posts of a page of a topic (authors, quotes, attachments), at the topic's posts version and
 *   network; their reactions are read again beside the access check at each read, so that a reaction writes
 *   nothing but its own row;
 * - `lists`: a page of a network's topic list for filters that do not depend on the reader, at the
 *   network's list version.
 * Only the names, photos and companies of people are not versioned: they may lag by NAMES_FRESH_MS.
 */
@Injectable()
export class ForumReader {
  private readonly pages = new KeptReads<PostRow[]>((rows) =>
    rows.reduce((size, row) => size + 2 * (row.body.length + row.html.length + (row.quote_body?.length ?? 0)) + 1024, 0),
  );
  private readonly lists = new KeptReads<{ topics: ListedTopic[]; total: number }>(({ topics }) =>
    topics.reduce((size, t) => size + 2 * t.item.title.length + 1024, 0),
  );

  constructor(
    private readonly context: ForumContextService,
    private readonly repo: ForumsRepository,
  ) {}

  /**
   * A page of a network's topic list. For the filters that do not depend on the reader, a page kept from an
   * earlier read costs one statement: the access check, the list's current version and the
   * reader's state among its topics; else (or when it changed) the list and the access check side by side.
   */
  async list(actor: MaybeActor, networkId: string, query: ForumTopicListQueryDto): Promise<Page<ForumTopicListItem>> {
    const byReader = query.filter === 'unread' || query.filter === 'following';
    const key = `${networkId}:${query.categoryId ?? ''}:${query.filter}:${query.page}:${query.pageSize}`;
    const kept = byReader ? undefined : this.lists.peek(key);
    if (kept) {
      const reader = await this.repo.topicListReader(
        actor,
        networkId,
        kept.value.topics.map((t) => t.item.id),
      );
      this.context.allow(actor, reader.standing);
      if (reader.version === kept.version) return this.listPage(actor, kept.value, reader, query);
    }
    const listing = besideCheck(this.repo.topicList(actor, networkId, query));
    if (!kept) await this.context.network(actor, networkId);
    const list = await listing;
    if (!byReader && list.version !== null) this.lists.keep(key, list.version, { topics: list.topics, total: list.total });
    return this.listPage(actor, list, list, query);
  }

  private listPage(
    actor: MaybeActor,
    list: { topics: ListedTopic[]; total: number },
    reader: ReaderState,
    query: ForumTopicListQueryDto,
  ): Page<ForumTopicListItem> {
    const items = list.topics.map(({ item, lastSequence }) => ({
      ...item,
      unreadCount: actor ? Math.max(lastSequence - (reader.reads.get(item.id) ?? 0), 0) : 0,
      following: actor !== null && reader.follows.has(item.id),
    }));
    return { items, total: list.total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * A topic page: the topic with the caller's standings in its networks (and the topic's posts version), and the
   * page's posts with their authors, reactions, quotes and attachments, side by side; or, when the posts kept
   * from an earlier read are still current (same posts version and network), the topic with the
   * kept posts' reactions, read fresh (reactions do not bump the version). The posts are only returned once the access
   * policy has allowed the topic (a 404 otherwise, whatever was read or kept).
   */
  async page(actor: MaybeActor, topicId: string, query: ForumPageQueryDto): Promise<ForumTopicPage> {
    const first = (query.page - 1) * query.pageSize + 1;
    const range = { first, last: first + query.pageSize - 1 };
    const key = `${topicId}:${range.first}:${range.last}`;
    const read = () =>
      this.repo.posts(actor, topicId, { bySequence: [range.first, range.last] }).then((rows) => {
        // An empty page tells no version: not kept.
        if (rows.length) this.pages.keep(key, postsVersion(rows[0].posts_version, rows[0].home_network_id), rows);
        return rows;
      });
    const kept = this.pages.peek(key);
    const reading = kept ? null : besideCheck(read());
    const ctx = await this.context.topic(actor, topicId, kept ? kept.value.map((row) => row.id) : undefined);
    const version = postsVersion(ctx.row.posts_version, ctx.row.network_id);
    const rows = kept?.version === version ? withReactions(kept.value, ctx.row.page_reactions ?? []) : await (reading ?? read());
    return {
      topic: topicView(ctx, actor),
      posts: {
        items: rows.map((row) => postView(ctx, actor, row)),
        total: ctx.row.last_sequence,
        page: query.page,
        pageSize: query.pageSize,
      },
    };
  }
}
