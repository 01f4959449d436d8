import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How a person's role titles are written: « animatrice » or « animateur » (owned by the identity module; null: both forms). */
export class PersonTitleForm1795880000000 implements MigrationInterface {
  name = 'PersonTitleForm1795880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "people" ADD "title_form" character varying(10)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "people" DROP COLUMN "title_form"');
  }
}
