import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reaction no longer bumps its topic's posts version: kept topic pages read their posts' reactions again at each
 * read, so concurrent reactions on one topic no longer queue on the topic's row (see modules/forums/README.md).
 */
export class ReactionsLeaveTopicRows1795914000000 implements MigrationInterface {
  name = 'ReactionsLeaveTopicRows1795914000000';

  async up(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER forum_reactions_${event}_version ON forum_reactions`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [event, rows] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ]) {
      await q.query(
        `CREATE TRIGGER forum_reactions_${event.toLowerCase()}_version AFTER ${event} ON forum_reactions REFERENCING ${rows} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION forum_post_parts_changed()`,
      );
    }
  }
}
