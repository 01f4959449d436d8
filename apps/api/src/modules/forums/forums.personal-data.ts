import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type ErasureOptions,
  type PersonalDataProvider,
  type PersonalDataSection,
  PersonalDataRegistry,
} from '../../core/privacy/personal-data.registry';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FORMER_MEMBER } from '../identity/identity.personal-data';

const FORMER_NAME = `${FORMER_MEMBER.firstName} ${FORMER_MEMBER.lastName}`;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Forum posts and reactions of a person, and their attachments. On erasure the posts stay signed "Ancien membre", or
 * are deleted (emptied, like a moderator's deletion) if the person chose so; every topic they wrote in is touched so
 * that kept pages (ForumReader) and the search index are read again.
 */
@Injectable()
export class ForumsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly name = 'forums';

  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly search: SearchIndexer,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async exportFor(personId: string): Promise<PersonalDataSection> {
    const posts: { id: string; network: string; topic: string; body: string; created_at: Date; edited_at: Date | null }[] =
      await this.db.query(
        `SELECT p.id, n.name AS network, t.title AS topic, p.body, p.created_at, p.edited_at
       FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id JOIN networks n ON n.id = t.network_id
       WHERE p.author_id = $1 AND p.deleted_at IS NULL ORDER BY p.created_at`,
        [personId],
      );
    const reactions: { topic: string; reaction: string; created_at: Date }[] = await this.db.query(
      `SELECT t.title AS topic, r.reaction, r.created_at FROM forum_reactions r JOIN forum_posts p ON p.id = r.post_id JOIN forum_topics t ON t.id = p.topic_id
       WHERE r.person_id = $1 ORDER BY r.created_at`,
      [personId],
    );
    const files: { file_id: string; original_name: string }[] = await this.db.query(
      'SELECT a.file_id, f.original_name FROM forum_attachments a JOIN files f ON f.id = a.file_id WHERE a.uploader_id = $1 ORDER BY f.created_at',
      [personId],
    );
    const postRows = posts.map((p) => ({
      network: p.network,
      topic: p.topic,
      body: p.body,
      createdAt: p.created_at.toISOString(),
      editedAt: p.edited_at?.toISOString() ?? null,
    }));
    const reactionRows = reactions.map((r) => ({ topic: r.topic, reaction: r.reaction, createdAt: r.created_at.toISOString() }));
    return {
      json: { posts: postRows, reactions: reactionRows },
      csv: { messages: postRows, reactions: reactionRows },
      files: files.map((f) => ({ fileId: f.file_id, name: f.original_name })),
    };
  }

  async erase(personId: string, tx: EntityManager, options: ErasureOptions): Promise<void> {
    const topics: { topic_id: string }[] = await tx.query('SELECT DISTINCT topic_id FROM forum_posts WHERE author_id = $1', [personId]);
    if (options.deleteForumPosts) {
      await tx.query(
        "UPDATE forum_posts SET deleted_at = now(), deleted_by = $1, body = '', html = '' WHERE author_id = $1 AND deleted_at IS NULL",
        [personId],
      );
      await tx.query('DELETE FROM forum_post_revisions WHERE post_id IN (SELECT id FROM forum_posts WHERE author_id = $1)', [personId]);
    } else {
      // A write bumps the topics' versions (triggers): pages kept with the old name are read again.
      await tx.query('UPDATE forum_posts SET author_id = author_id WHERE author_id = $1', [personId]);
    }
    await tx.query('UPDATE forum_topics SET author_id = author_id WHERE author_id = $1 OR last_post_author_id = $1', [personId]);
    const mentioned = await this.forgetMentions(personId, tx);
    await tx.query('DELETE FROM forum_mentions WHERE person_id = $1', [personId]);
    const touched = [...new Set([...topics.map((t) => t.topic_id), ...mentioned])];
    if (touched.length) await this.search.enqueue(tx, 'topic', touched, { priority: 0 });
  }

  /**
   * Other people's posts (and their earlier versions) that mention the person name them in their Markdown and HTML:
   * the name becomes "Ancien membre" there too. Returns the topics whose posts changed.
   */
  private async forgetMentions(personId: string, tx: EntityManager): Promise<string[]> {
    const link = new RegExp(`\\[([^\\]]*)\\]\\(person:${personId}\\)`, 'gi');
    const span = new RegExp(`(<span class="mention" data-person-id="${personId}">)@[^<]*(</span>)`, 'g');
    const topics = new Set<string>();
    for (const table of ['forum_posts', 'forum_post_revisions'] as const) {
      const rows: { id: string; body: string; html: string; topic_id: string | null }[] = await tx.query(
        `SELECT r.id, r.body, r.html, ${table === 'forum_posts' ? 'r.topic_id' : 'NULL AS topic_id'} FROM ${table} r WHERE r.body ILIKE $1`,
        [`%person:${personId}%`],
      );
      for (const row of rows) {
        // A mention of someone the reader could not see is rendered as plain text: its label is replaced where it stands.
        const labels = [...row.body.matchAll(link)].map((m) => `@${m[1].replace(/^@/, '')}`);
        let html = row.html.replace(span, `$1@${FORMER_NAME}$2`);
        for (const label of labels) html = html.split(escapeHtml(label)).join(`@${FORMER_NAME}`);
        await tx.query(`UPDATE ${table} SET body = $2, html = $3 WHERE id = $1`, [
          row.id,
          row.body.replace(link, `[${FORMER_NAME}](person:${personId})`),
          html,
        ]);
        if (row.topic_id) topics.add(row.topic_id);
      }
    }
    return [...topics];
  }
}
