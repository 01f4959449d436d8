import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Forums without any category get the default one, so that their members can post (new networks get it at creation). */
export class DefaultForumCategories1795840000000 implements MigrationInterface {
  name = 'DefaultForumCategories1795840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO forum_categories (network_id, name, description, position)
       SELECT n.id, 'Discussions générales', 'Questions, annonces et échanges entre membres du réseau.', 0
       FROM networks n WHERE NOT EXISTS (SELECT 1 FROM forum_categories c WHERE c.network_id = n.id)`,
    );
  }

  async down(): Promise<void> {
    // The categories may hold topics by now: they stay.
  }
}
