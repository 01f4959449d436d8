import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { PostRow } from './forums.repository';

/** How long the authors' names, photos and companies may show as they were when a page was read. */
export const AUTHORS_FRESH_MS = 30_000;
/** What the kept pages may weigh in all (an estimate from their text: a post may be long). */
const MAX_BYTES = 32 * 1024 * 1024;

type Page = { first: number; last: number };

/**
 * The posts of topic pages, read for no one in particular (no "mine"), kept per topic and page with the
 * topic's posts version and network they were read at. A page reads the topic's current version together
 * with its access check (the same statement) and reuses the posts while both match. Any change to a
 * topic's posts, their reactions or their attachments bumps its version in the database (triggers, whoever
 * writes: every process sees it at its next read); moving the topic changes its network. What is not
 * versioned, the authors' names, photos and companies, may lag by AUTHORS_FRESH_MS.
 */
@Injectable()
export class ForumPageCache {
  private readonly pages = new LRUCache<string, PostRow[]>({
    maxSize: MAX_BYTES,
    sizeCalculation: (rows) => rows.reduce((size, row) => size + 2 * (row.body.length + row.html.length + (row.quote_body?.length ?? 0)) + 1024, 1),
    ttl: AUTHORS_FRESH_MS,
  });

  private key(topicId: string, page: Page): string {
    return `${topicId}:${page.first}:${page.last}`;
  }

  /** The kept posts of a page, whatever their version (the caller does not know the current one yet). */
  peek(topicId: string, page: Page): PostRow[] | undefined {
    return this.pages.get(this.key(topicId, page));
  }

  /** Whether kept posts were read at the topic's current version and network. */
  current(rows: PostRow[] | undefined, topic: { posts_version: number; network_id: string }): rows is PostRow[] {
    return rows !== undefined && rows[0].posts_version === topic.posts_version && rows[0].home_network_id === topic.network_id;
  }

  /** Keeps posts just read (an empty page tells no version: not kept). */
  keep(topicId: string, page: Page, rows: PostRow[]): PostRow[] {
    if (rows.length) this.pages.set(this.key(topicId, page), rows);
    return rows;
  }
}
