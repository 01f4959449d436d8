import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `forum_topics.posts_version`: one more whenever a statement changes a topic's posts, their reactions or
 * their attachments (statement-level triggers: a bulk insert bumps each topic once). Topic pages keep the
 * posts they read while the version they were read at is still the topic's.
 */
export class ForumPostsVersion1795800000000 implements MigrationInterface {
  name = 'ForumPostsVersion1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "forum_topics" ADD "posts_version" integer NOT NULL DEFAULT 0');
    await q.query(`CREATE FUNCTION forum_posts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE forum_topics SET posts_version = posts_version + 1 WHERE id IN (SELECT topic_id FROM changed);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION forum_post_parts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE forum_topics SET posts_version = posts_version + 1
        WHERE id IN (SELECT p.topic_id FROM forum_posts p WHERE p.id IN (SELECT post_id FROM changed));
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['forum_posts', 'forum_posts_changed'],
      ['forum_reactions', 'forum_post_parts_changed'],
      ['forum_attachments', 'forum_post_parts_changed'],
    ]) {
      for (const [event, rows] of [
        ['INSERT', 'NEW'],
        ['UPDATE', 'NEW'],
        ['DELETE', 'OLD'],
      ]) {
        await q.query(
          `CREATE TRIGGER ${table}_${event.toLowerCase()}_version AFTER ${event} ON ${table} REFERENCING ${rows} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['forum_posts', 'forum_reactions', 'forum_attachments']) {
      for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_${event}_version ON ${table}`);
    }
    await q.query('DROP FUNCTION forum_post_parts_changed()');
    await q.query('DROP FUNCTION forum_posts_changed()');
    await q.query('ALTER TABLE "forum_topics" DROP COLUMN "posts_version"');
  }
}
