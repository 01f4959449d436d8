import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A host organisation's accent colour, for the pages of the networks it hosts (owned by the organizations module). */
export class OrganizationAccent1795880200000 implements MigrationInterface {
  name = 'OrganizationAccent1795880200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "organizations" ADD "accent_color" character varying(7)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "organizations" DROP COLUMN "accent_color"');
  }
}
