import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ListedTopic, PostRow } from './forums.repository';

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

/**
 * What the busiest forum pages read for no one in particular, kept in this process while it is current.
 * Each page reads the current version of what it shows together with its access check (the same
 * statement) and reuses what it kept only when the versions match. The versions live in the database and
 * are bumped by triggers whoever writes (another process, a cascade), so every process notices a change
 * at its next read (migration ForumReadVersions):
 * - `pages`: the posts of a page of a topic (authors, reactions without "mine", quotes, attachments), at the
 *   topic's posts version and network; `reactions`: a reader's own among them, at the same version (any
 *   reaction bumps it);
 * - `lists`: a page of a network's topic list for filters that do not depend on the reader, at the
 *   network's list version.
 * Only the names, photos and companies of people are not versioned: they may lag by NAMES_FRESH_MS.
 */
@Injectable()
export class ForumReadCache {
  readonly pages = new KeptReads<PostRow[]>((rows) => rows.reduce((size, row) => size + 2 * (row.body.length + row.html.length + (row.quote_body?.length ?? 0)) + 1024, 0));
  /** A reader's own reactions on the posts of a page (`<post id> <reaction>`), at the topic's posts version too. */
  readonly reactions = new KeptReads<string[]>((mine) => 256 + 128 * mine.length);
  readonly lists = new KeptReads<{ topics: ListedTopic[]; total: number }>(({ topics }) => topics.reduce((size, t) => size + 2 * t.item.title.length + 1024, 0));
}
