import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Opportunities, their audience (networks, invited companies), attachments and responses (modules/opportunities). */
export class Opportunities1795870000000 implements MigrationInterface {
  name = 'Opportunities1795870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "created_by_id" uuid, "type" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "naf_codes" character varying(6) array NOT NULL DEFAULT \'{}\', "skills" text array NOT NULL DEFAULT \'{}\', "commune_code" character varying(5), "radius_km" integer, "departement_codes" character varying(3) array NOT NULL DEFAULT \'{}\', "region_codes" character varying(3) array NOT NULL DEFAULT \'{}\', "lat" double precision, "lng" double precision, "deadline" date NOT NULL, "budget_min" integer, "budget_max" integer, "audience" character varying(10) NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'draft\', "outcome" text, "published_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "deadline_reminded_at" TIMESTAMP WITH TIME ZONE, "hidden_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4bd9cd12ddc0ff48a5a97ddebce" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_opportunities_company" ON "opportunities" ("company_id") ');
    await q.query('CREATE INDEX "ix_opportunities_status" ON "opportunities" ("status") ');
    await q.query('CREATE INDEX ix_opportunities_naf_codes ON opportunities USING gin (naf_codes)');
    await q.query('CREATE INDEX ix_opportunities_skills ON opportunities USING gin (skills)');
    await q.query(
      'CREATE TABLE "opportunity_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opportunity_id" uuid NOT NULL, "response_id" uuid, "file_id" uuid NOT NULL, "uploader_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9d0077e1815cd9a6ffc51e56f1" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_opportunity_attachments_opportunity" ON "opportunity_attachments" ("opportunity_id") ');
    await q.query(
      'CREATE TABLE "opportunity_invitations" ("opportunity_id" uuid NOT NULL, "company_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cebb5e012b566205180ae389c5f" PRIMARY KEY ("opportunity_id", "company_id"))',
    );
    await q.query('CREATE INDEX "ix_opportunity_invitations_company" ON "opportunity_invitations" ("company_id") ');
    await q.query(
      'CREATE TABLE "opportunity_networks" ("opportunity_id" uuid NOT NULL, "network_id" uuid NOT NULL, CONSTRAINT "PK_006f556e3f7e0d6a4edd25660b5" PRIMARY KEY ("opportunity_id", "network_id"))',
    );
    await q.query('CREATE INDEX "ix_opportunity_networks_network" ON "opportunity_networks" ("network_id") ');
    await q.query(
      'CREATE TABLE "opportunity_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opportunity_id" uuid NOT NULL, "company_id" uuid NOT NULL, "person_id" uuid, "message" text NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'submitted\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_928bfe4e33459c67126fe6e1fd8" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_opportunity_responses_company" ON "opportunity_responses" ("company_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_opportunity_responses_company" ON "opportunity_responses" ("opportunity_id", "company_id") ');
    await q.query(
      'ALTER TABLE "opportunities" ADD CONSTRAINT "FK_4eaa4303f913092c822f59d4961" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_attachments" ADD CONSTRAINT "FK_c0957b0ebf9547c8e0c63651152" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_invitations" ADD CONSTRAINT "FK_42d06fdda563230d9e0fcf290ad" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_invitations" ADD CONSTRAINT "FK_7513b479a703a1be1e9b96f8f99" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_networks" ADD CONSTRAINT "FK_07381ca98a2118cd5af48dc721e" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_networks" ADD CONSTRAINT "FK_c2967fdfeeffda0227e24c78c71" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_responses" ADD CONSTRAINT "FK_02548552f60d2c6530d4e661bc9" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "opportunity_responses" ADD CONSTRAINT "FK_f1d533c502d83b60f536b6a7510" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "opportunity_responses" DROP CONSTRAINT "FK_f1d533c502d83b60f536b6a7510"');
    await q.query('ALTER TABLE "opportunity_responses" DROP CONSTRAINT "FK_02548552f60d2c6530d4e661bc9"');
    await q.query('ALTER TABLE "opportunity_networks" DROP CONSTRAINT "FK_c2967fdfeeffda0227e24c78c71"');
    await q.query('ALTER TABLE "opportunity_networks" DROP CONSTRAINT "FK_07381ca98a2118cd5af48dc721e"');
    await q.query('ALTER TABLE "opportunity_invitations" DROP CONSTRAINT "FK_7513b479a703a1be1e9b96f8f99"');
    await q.query('ALTER TABLE "opportunity_invitations" DROP CONSTRAINT "FK_42d06fdda563230d9e0fcf290ad"');
    await q.query('ALTER TABLE "opportunity_attachments" DROP CONSTRAINT "FK_c0957b0ebf9547c8e0c63651152"');
    await q.query('ALTER TABLE "opportunities" DROP CONSTRAINT "FK_4eaa4303f913092c822f59d4961"');
    await q.query('DROP INDEX "public"."uq_opportunity_responses_company"');
    await q.query('DROP INDEX "public"."ix_opportunity_responses_company"');
    await q.query('DROP TABLE "opportunity_responses"');
    await q.query('DROP INDEX "public"."ix_opportunity_networks_network"');
    await q.query('DROP TABLE "opportunity_networks"');
    await q.query('DROP INDEX "public"."ix_opportunity_invitations_company"');
    await q.query('DROP TABLE "opportunity_invitations"');
    await q.query('DROP INDEX "public"."ix_opportunity_attachments_opportunity"');
    await q.query('DROP TABLE "opportunity_attachments"');
    await q.query('DROP INDEX ix_opportunities_skills');
    await q.query('DROP INDEX ix_opportunities_naf_codes');
    await q.query('DROP INDEX "public"."ix_opportunities_status"');
    await q.query('DROP INDEX "public"."ix_opportunities_company"');
    await q.query('DROP TABLE "opportunities"');
  }
}
