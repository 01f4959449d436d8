import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A host organisation's logo, shown on the pages of the networks it hosts (owned by the organizations module). */
export class OrganizationLogos1795910200000 implements MigrationInterface {
  name = 'OrganizationLogos1795910200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "organizations" ADD "logo_file_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "organizations" DROP COLUMN "logo_file_id"');
  }
}
