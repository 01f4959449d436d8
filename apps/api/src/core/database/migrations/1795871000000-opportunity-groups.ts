import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mini-grappes: consortia around opportunities, their members and discussion (modules/opportunities). */
export class OpportunityGroups1795871000000 implements MigrationInterface {
  name = 'OpportunityGroups1795871000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "opportunity_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opportunity_id" uuid NOT NULL, "lead_company_id" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'forming\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e06d67e8d48d125f6b815d0df08" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_opportunity_groups_opportunity" ON "opportunity_groups" ("opportunity_id") ');
    await q.query(
      'CREATE TABLE "opportunity_group_members" ("group_id" uuid NOT NULL, "company_id" uuid NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'invited\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_346de5af3a75d2a5b01dc003a45" PRIMARY KEY ("group_id", "company_id"))',
    );
    await q.query('CREATE INDEX "ix_opportunity_group_members_company" ON "opportunity_group_members" ("company_id") ');
    await q.query(
      'CREATE TABLE "opportunity_group_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "person_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab5ff7614042a1231f295737c66" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_opportunity_group_messages_group" ON "opportunity_group_messages" ("group_id") ');
    await q.query(
      'ALTER TABLE "opportunity_groups" ADD CONSTRAINT "FK_0e24c35e25b11c9bf60d1fe0a78" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_groups" ADD CONSTRAINT "FK_30d5f3e82ea3b3ae486b58e8979" FOREIGN KEY ("lead_company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_group_members" ADD CONSTRAINT "FK_a958fe3b96b1c2e44ffa7484f38" FOREIGN KEY ("group_id") REFERENCES "opportunity_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_group_members" ADD CONSTRAINT "FK_de9baee81df47bdfdadd2bff00a" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_group_messages" ADD CONSTRAINT "FK_61d89e094fd68fa47a9fdb0aed1" FOREIGN KEY ("group_id") REFERENCES "opportunity_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "opportunity_group_messages" DROP CONSTRAINT "FK_61d89e094fd68fa47a9fdb0aed1"');
    await q.query('ALTER TABLE "opportunity_group_members" DROP CONSTRAINT "FK_de9baee81df47bdfdadd2bff00a"');
    await q.query('ALTER TABLE "opportunity_group_members" DROP CONSTRAINT "FK_a958fe3b96b1c2e44ffa7484f38"');
    await q.query('ALTER TABLE "opportunity_groups" DROP CONSTRAINT "FK_30d5f3e82ea3b3ae486b58e8979"');
    await q.query('ALTER TABLE "opportunity_groups" DROP CONSTRAINT "FK_0e24c35e25b11c9bf60d1fe0a78"');
    await q.query('DROP INDEX "public"."ix_opportunity_group_messages_group"');
    await q.query('DROP TABLE "opportunity_group_messages"');
    await q.query('DROP INDEX "public"."ix_opportunity_group_members_company"');
    await q.query('DROP TABLE "opportunity_group_members"');
    await q.query('DROP INDEX "public"."uq_opportunity_groups_opportunity"');
    await q.query('DROP TABLE "opportunity_groups"');
  }
}
