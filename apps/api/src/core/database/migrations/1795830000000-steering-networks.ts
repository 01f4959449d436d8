import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Steering: action plans and their history, maturity assessments, network sheets, settings, and the aggregates of the refresh job. */
export class SteeringNetworks1795830000000 implements MigrationInterface {
  name = 'SteeringNetworks1795830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "steering_daily" ("network_id" uuid NOT NULL, "day" date NOT NULL, "topics" integer NOT NULL DEFAULT \'0\', "posts" integer NOT NULL DEFAULT \'0\', "events_held" integer NOT NULL DEFAULT \'0\', "registrations" integer NOT NULL DEFAULT \'0\', "check_ins" integer NOT NULL DEFAULT \'0\', "waitlisted" integer NOT NULL DEFAULT \'0\', "documents_added" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_b42c337a9eeacf0a4a01e72b640" PRIMARY KEY ("network_id", "day"))',
    );
    await q.query(
      'CREATE TABLE "steering_company_days" ("network_id" uuid NOT NULL, "company_id" uuid NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_3337d3275a7cbf60de0a41f2299" PRIMARY KEY ("network_id", "company_id", "day"))',
    );
    await q.query('CREATE INDEX "ix_steering_company_days_day" ON "steering_company_days" ("network_id", "day") ');
    await q.query(
      'CREATE TABLE "steering_member_spans" ("network_id" uuid NOT NULL, "company_id" uuid NOT NULL, "joined_on" date NOT NULL, "left_on" date, CONSTRAINT "PK_2b1efeee71d0795736977259bab" PRIMARY KEY ("network_id", "company_id", "joined_on"))',
    );
    await q.query(
      'CREATE TABLE "steering_snapshots" ("network_id" uuid NOT NULL, "as_of" date NOT NULL, "figures" jsonb NOT NULL, "series" jsonb NOT NULL, "funnel" jsonb NOT NULL, "inactive" jsonb NOT NULL, "last_activity_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f00ea51621b67c0e67f94d5cef2" PRIMARY KEY ("network_id"))',
    );
    await q.query(
      'CREATE TABLE "steering_refresh_state" ("id" smallint NOT NULL, "refreshed_day" date, "last_run_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9ffae62f316967e1e0f6e90e663" PRIMARY KEY ("id"))',
    );
    await q.query('INSERT INTO "steering_refresh_state" ("id") VALUES (1)');
    await q.query(
      'CREATE TABLE "steering_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "year" integer NOT NULL, "title" character varying(200) NOT NULL, "summary" text, "status" character varying(16) NOT NULL DEFAULT \'draft\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_90edae88cb53e1ae5e1838fa0b4" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_steering_plans_year" ON "steering_plans" ("network_id", "year") ');
    await q.query(
      'CREATE TABLE "steering_objectives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text, "position" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_10fc038aba02b07bcd76427b14d" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_steering_objectives_plan" ON "steering_objectives" ("plan_id", "position") ');
    await q.query(
      'CREATE TABLE "steering_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "objective_id" uuid, "title" character varying(200) NOT NULL, "description" text, "owner" character varying(200), "start_date" date, "due_date" date, "budget_planned" numeric(14,2), "budget_spent" numeric(14,2), "status" character varying(16) NOT NULL DEFAULT \'planned\', "event_ids" uuid array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6fc31d009a24bcf5ef36f82d7b7" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_steering_actions_plan" ON "steering_actions" ("plan_id") ');
    await q.query(
      'CREATE TABLE "steering_indicators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "objective_id" uuid, "label" character varying(200) NOT NULL, "unit" character varying(40), "target" numeric(14,2), "source" character varying(24) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d3eedac4ad287b22666feece20c" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_steering_indicators_plan" ON "steering_indicators" ("plan_id") ');
    await q.query(
      'CREATE TABLE "steering_indicator_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" uuid NOT NULL, "value" numeric(14,2) NOT NULL, "date" date NOT NULL, "comment" text, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_af406b8244534f61ecdcd52fb20" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_steering_indicator_entries_indicator" ON "steering_indicator_entries" ("indicator_id", "date") ');
    await q.query(
      'CREATE TABLE "steering_plan_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "label" character varying(200) NOT NULL, "changes" jsonb, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_17e30720e9239ac384004bf5853" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_steering_plan_history_plan" ON "steering_plan_history" ("plan_id", "created_at") ');
    await q.query(
      'CREATE TABLE "steering_maturity_assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "stage" character varying(16) NOT NULL, "previous_stage" character varying(16), "criteria" jsonb NOT NULL DEFAULT \'{}\', "comment" text NOT NULL, "assessed_on" date NOT NULL, "assessor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6f8e602402105ab6ff9f687fc1a" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_steering_maturity_network" ON "steering_maturity_assessments" ("network_id", "created_at") ');
    await q.query(
      'CREATE TABLE "steering_network_sheets" ("network_id" uuid NOT NULL, "needs" text array NOT NULL DEFAULT \'{}\', "needs_comment" text, "partners" jsonb NOT NULL DEFAULT \'[]\', "governance" jsonb NOT NULL DEFAULT \'{}\', "agreement_type" character varying(24) NOT NULL DEFAULT \'none\', "agreement_start" date, "agreement_review" date, "agreement_fte" numeric(6,2), "agreement_comment" text, "funding" jsonb NOT NULL DEFAULT \'[]\', "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e89adb8dbc95ee69eccb7316fe1" PRIMARY KEY ("network_id"))',
    );
    await q.query(
      'CREATE TABLE "steering_settings" ("organization_id" uuid NOT NULL, "dormant_after_days" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b59d47e1090bc347d2f4ebfb9a9" PRIMARY KEY ("organization_id"))',
    );
    await q.query(
      'ALTER TABLE "steering_plans" ADD CONSTRAINT "FK_f107c0f023ad389797d9451ecd6" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_objectives" ADD CONSTRAINT "FK_4392f57866fccfdc6ae7e5ec612" FOREIGN KEY ("plan_id") REFERENCES "steering_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_actions" ADD CONSTRAINT "FK_248c2b21977d69a83547a92fbda" FOREIGN KEY ("plan_id") REFERENCES "steering_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_actions" ADD CONSTRAINT "FK_2edd8e322af59caabaa16c04152" FOREIGN KEY ("objective_id") REFERENCES "steering_objectives"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_indicators" ADD CONSTRAINT "FK_57c3ed27a2e13e5fa2cd06b2c49" FOREIGN KEY ("plan_id") REFERENCES "steering_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_indicators" ADD CONSTRAINT "FK_4b358f0f7e15e320e34c96c51cf" FOREIGN KEY ("objective_id") REFERENCES "steering_objectives"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_indicator_entries" ADD CONSTRAINT "FK_559561fd693880d9bb016fafec2" FOREIGN KEY ("indicator_id") REFERENCES "steering_indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_indicator_entries" ADD CONSTRAINT "FK_4f32e06dd250c791e7f296cf2ef" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_plan_history" ADD CONSTRAINT "FK_f2f25fdad75357eee32c5f8bd2a" FOREIGN KEY ("plan_id") REFERENCES "steering_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_plan_history" ADD CONSTRAINT "FK_0f8d3603f0c727d40762a644eed" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_maturity_assessments" ADD CONSTRAINT "FK_f5a991f0b6cdf7484a378c8b2d9" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_maturity_assessments" ADD CONSTRAINT "FK_4393ceb79528166ef9a75ba9701" FOREIGN KEY ("assessor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_network_sheets" ADD CONSTRAINT "FK_e89adb8dbc95ee69eccb7316fe1" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_network_sheets" ADD CONSTRAINT "FK_4d7ec353b97e3ee50b5b0d578f7" FOREIGN KEY ("updated_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "steering_settings" ADD CONSTRAINT "FK_b59d47e1090bc347d2f4ebfb9a9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "steering_settings" DROP CONSTRAINT "FK_b59d47e1090bc347d2f4ebfb9a9"');
    await q.query('ALTER TABLE "steering_network_sheets" DROP CONSTRAINT "FK_4d7ec353b97e3ee50b5b0d578f7"');
    await q.query('ALTER TABLE "steering_network_sheets" DROP CONSTRAINT "FK_e89adb8dbc95ee69eccb7316fe1"');
    await q.query('ALTER TABLE "steering_maturity_assessments" DROP CONSTRAINT "FK_4393ceb79528166ef9a75ba9701"');
    await q.query('ALTER TABLE "steering_maturity_assessments" DROP CONSTRAINT "FK_f5a991f0b6cdf7484a378c8b2d9"');
    await q.query('ALTER TABLE "steering_plan_history" DROP CONSTRAINT "FK_0f8d3603f0c727d40762a644eed"');
    await q.query('ALTER TABLE "steering_plan_history" DROP CONSTRAINT "FK_f2f25fdad75357eee32c5f8bd2a"');
    await q.query('ALTER TABLE "steering_indicator_entries" DROP CONSTRAINT "FK_4f32e06dd250c791e7f296cf2ef"');
    await q.query('ALTER TABLE "steering_indicator_entries" DROP CONSTRAINT "FK_559561fd693880d9bb016fafec2"');
    await q.query('ALTER TABLE "steering_indicators" DROP CONSTRAINT "FK_4b358f0f7e15e320e34c96c51cf"');
    await q.query('ALTER TABLE "steering_indicators" DROP CONSTRAINT "FK_57c3ed27a2e13e5fa2cd06b2c49"');
    await q.query('ALTER TABLE "steering_actions" DROP CONSTRAINT "FK_2edd8e322af59caabaa16c04152"');
    await q.query('ALTER TABLE "steering_actions" DROP CONSTRAINT "FK_248c2b21977d69a83547a92fbda"');
    await q.query('ALTER TABLE "steering_objectives" DROP CONSTRAINT "FK_4392f57866fccfdc6ae7e5ec612"');
    await q.query('ALTER TABLE "steering_plans" DROP CONSTRAINT "FK_f107c0f023ad389797d9451ecd6"');
    await q.query('DROP TABLE "steering_settings"');
    await q.query('DROP TABLE "steering_network_sheets"');
    await q.query('DROP INDEX "public"."ix_steering_maturity_network"');
    await q.query('DROP TABLE "steering_maturity_assessments"');
    await q.query('DROP INDEX "public"."ix_steering_plan_history_plan"');
    await q.query('DROP TABLE "steering_plan_history"');
    await q.query('DROP INDEX "public"."ix_steering_indicator_entries_indicator"');
    await q.query('DROP TABLE "steering_indicator_entries"');
    await q.query('DROP INDEX "public"."ix_steering_indicators_plan"');
    await q.query('DROP TABLE "steering_indicators"');
    await q.query('DROP INDEX "public"."ix_steering_actions_plan"');
    await q.query('DROP TABLE "steering_actions"');
    await q.query('DROP INDEX "public"."ix_steering_objectives_plan"');
    await q.query('DROP TABLE "steering_objectives"');
    await q.query('DROP INDEX "public"."uq_steering_plans_year"');
    await q.query('DROP TABLE "steering_plans"');
    await q.query('DROP TABLE "steering_refresh_state"');
    await q.query('DROP TABLE "steering_snapshots"');
    await q.query('DROP TABLE "steering_member_spans"');
    await q.query('DROP INDEX "public"."ix_steering_company_days_day"');
    await q.query('DROP TABLE "steering_company_days"');
    await q.query('DROP TABLE "steering_daily"');
  }
}
