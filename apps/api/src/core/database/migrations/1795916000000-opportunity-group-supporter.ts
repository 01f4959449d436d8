import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The CCI "intégrateur de PME" of a mini-grappe: one supporter per group, designated by the lead (modules/opportunities). */
export class OpportunityGroupSupporter1795916000000 implements MigrationInterface {
  name = 'OpportunityGroupSupporter1795916000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "opportunity_groups" ADD "supporter_person_id" uuid');
    await q.query('CREATE INDEX "ix_opportunity_groups_supporter" ON "opportunity_groups" ("supporter_person_id") ');
    await q.query(
      'ALTER TABLE "opportunity_groups" ADD CONSTRAINT "FK_959935cb322a02a406eff9b78e8" FOREIGN KEY ("supporter_person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "opportunity_groups" DROP CONSTRAINT "FK_959935cb322a02a406eff9b78e8"');
    await q.query('DROP INDEX "ix_opportunity_groups_supporter"');
    await q.query('ALTER TABLE "opportunity_groups" DROP COLUMN "supporter_person_id"');
  }
}
