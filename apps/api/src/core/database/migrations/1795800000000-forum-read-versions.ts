import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versions of what the busiest forum pages show, kept up to date by statement-level triggers whoever writes
 * (cascades included), so that those pages may reuse what they read while it is current (ForumReadCache):
 * - `forum_topics.posts_version`: one more whenever a statement changes a topic's posts, their reactions or
 *   their attachments;
 * - `forum_list_versions`: one more for a network whenever a statement changes one of its topics (other than
 *   by the previous bump alone), one of the topics shared with it, its shares, a category, or its name or
 *   the name of the home network of a topic shared with it.
 */
export class ForumReadVersions1795800000000 implements MigrationInterface {
  name = 'ForumReadVersions1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "forum_topics" ADD "posts_version" integer NOT NULL DEFAULT 0');
    await q.query(
      'CREATE TABLE "forum_list_versions" ("network_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_forum_list_versions" PRIMARY KEY ("network_id"))',
    );
    await q.query(
      'ALTER TABLE "forum_list_versions" ADD CONSTRAINT "FK_forum_list_versions_network" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );

    // Posts, reactions and attachments: their topics' posts version.
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

    // Topic lists: the networks whose list shows a changed row (a network being deleted has none left to bump).
    // plpgsql, not sql: PostgreSQL 15 plans a sql function's statements again at every call.
    await q.query(`CREATE FUNCTION forum_lists_changed(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        INSERT INTO forum_list_versions (network_id, version)
        SELECT DISTINCT n.id, 1 FROM networks n WHERE n.id = ANY(ids)
        ON CONFLICT (network_id) DO UPDATE SET version = forum_list_versions.version + 1;
      END $$`);
    // A topic's posts version alone (a reaction, an edit) changes nothing a list shows.
    await q.query(`CREATE FUNCTION forum_topics_listed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM forum_lists_changed(ARRAY(SELECT network_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM forum_lists_changed(ARRAY(
            WITH changed AS (SELECT n.id, n.network_id AS now_in, o.network_id AS was_in FROM new_rows n JOIN old_rows o ON o.id = n.id
                             WHERE to_jsonb(n) - 'posts_version' IS DISTINCT FROM to_jsonb(o) - 'posts_version')
            SELECT now_in FROM changed UNION SELECT was_in FROM changed
            UNION SELECT s.network_id FROM forum_topic_shares s WHERE s.topic_id IN (SELECT id FROM changed)));
        ELSE
          PERFORM forum_lists_changed(ARRAY(SELECT network_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION forum_rows_listed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'DELETE' THEN PERFORM forum_lists_changed(ARRAY(SELECT network_id FROM new_rows)); END IF;
        IF TG_OP <> 'INSERT' THEN PERFORM forum_lists_changed(ARRAY(SELECT network_id FROM old_rows)); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION forum_network_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM forum_lists_changed(ARRAY(
          WITH renamed AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name)
          SELECT id FROM renamed
          UNION SELECT s.network_id FROM forum_topic_shares s JOIN forum_topics t ON t.id = s.topic_id WHERE t.network_id IN (SELECT id FROM renamed)));
        RETURN NULL;
      END $$`);
    const transitions = {
      INSERT: 'NEW TABLE AS new_rows',
      UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
      DELETE: 'OLD TABLE AS old_rows',
    };
    for (const [table, fn, events] of [
      ['forum_topics', 'forum_topics_listed', ['INSERT', 'UPDATE', 'DELETE']],
      ['forum_topic_shares', 'forum_rows_listed', ['INSERT', 'UPDATE', 'DELETE']],
      ['forum_categories', 'forum_rows_listed', ['UPDATE']],
    ] as const) {
      for (const event of events) {
        await q.query(
          `CREATE TRIGGER ${table}_${event.toLowerCase()}_listed AFTER ${event} ON ${table} REFERENCING ${transitions[event]} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
      }
    }
    await q.query(
      `CREATE TRIGGER networks_update_listed AFTER UPDATE ON networks REFERENCING ${transitions.UPDATE} FOR EACH STATEMENT EXECUTE FUNCTION forum_network_renamed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER networks_update_listed ON networks');
    for (const [table, events] of [
      ['forum_topics', ['insert', 'update', 'delete']],
      ['forum_topic_shares', ['insert', 'update', 'delete']],
      ['forum_categories', ['update']],
    ] as const) {
      for (const event of events) await q.query(`DROP TRIGGER ${table}_${event}_listed ON ${table}`);
    }
    for (const table of ['forum_posts', 'forum_reactions', 'forum_attachments']) {
      for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_${event}_version ON ${table}`);
    }
    for (const fn of [
      'forum_network_renamed()',
      'forum_rows_listed()',
      'forum_topics_listed()',
      'forum_lists_changed(uuid[])',
      'forum_post_parts_changed()',
      'forum_posts_changed()',
    ]) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
    await q.query('DROP TABLE "forum_list_versions"');
    await q.query('ALTER TABLE "forum_topics" DROP COLUMN "posts_version"');
  }
}
