import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Steering: one precomputed cockpit line per network (filled by the refresh job at its next run). */
export class SteeringCockpitLines1795831500000 implements MigrationInterface {
  name = 'SteeringCockpitLines1795831500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "steering_cockpit_lines" ("network_id" uuid NOT NULL, "as_of" date NOT NULL, "host_organization_id" uuid NOT NULL, "referent_organization_id" uuid, "name_key" text NOT NULL, "search_name" text NOT NULL, "type" character varying(32) NOT NULL, "maturity" character varying(16) NOT NULL, "maturity_rank" integer NOT NULL, "departements" text array NOT NULL, "regions" text array NOT NULL, "animator_ids" uuid array NOT NULL, "members" integer NOT NULL, "active_members" integer NOT NULL, "growth" integer NOT NULL, "posts" integer NOT NULL, "events_held" integer NOT NULL, "attendance" double precision, "progress" double precision, "last_activity_at" TIMESTAMP WITH TIME ZONE, "open_due_dates" date array NOT NULL, "line" jsonb NOT NULL, CONSTRAINT "PK_38ed74f62b3c0353fa4b3aa9486" PRIMARY KEY ("network_id"))',
    );
    await q.query('CREATE INDEX "ix_steering_cockpit_lines_host" ON "steering_cockpit_lines" ("host_organization_id") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "steering_cockpit_lines"');
  }
}
