import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A mini-grappe's private document folder: attachments of the opportunity marked with the group. */
export class OpportunityGroupDocuments1795905200000 implements MigrationInterface {
  name = 'OpportunityGroupDocuments1795905200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "opportunity_attachments" ADD "group_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "opportunity_attachments" DROP COLUMN "group_id"');
  }
}
