import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agenda: events (shared by several networks), registrations with a waitlist and check-in, agenda settings, personal feed tokens. */
export class Agenda1795728000000 implements MigrationInterface {
  name = 'Agenda1795728000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "agenda_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "series_id" uuid, "title" character varying(200) NOT NULL, "description" text, "status" character varying(16) NOT NULL, "format" character varying(16) NOT NULL, "address" character varying(300), "commune_code" character varying(5), "departement_code" character varying(3), "region_code" character varying(3), "online_url" character varying(500), "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer, "registration_deadline" TIMESTAMP WITH TIME ZONE, "questions" jsonb NOT NULL DEFAULT \'[]\', "cover_file_id" uuid, "created_by_id" uuid, "reminder_sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc661d277cc778a750d94800029" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_agenda_events_series" ON "agenda_events" ("series_id") ');
    await q.query('CREATE INDEX "ix_agenda_events_departement" ON "agenda_events" ("departement_code") ');
    await q.query('CREATE INDEX "ix_agenda_events_starts_at" ON "agenda_events" ("starts_at") ');
    await q.query('CREATE INDEX "ix_agenda_events_network_start" ON "agenda_events" ("network_id", "starts_at") ');
    await q.query(
      'CREATE TABLE "agenda_event_shares" ("event_id" uuid NOT NULL, "network_id" uuid NOT NULL, CONSTRAINT "PK_308a3ed2a62c4e8bb26f4483f9e" PRIMARY KEY ("event_id", "network_id"))',
    );
    await q.query('CREATE INDEX "ix_agenda_event_shares_network" ON "agenda_event_shares" ("network_id") ');
    await q.query(
      'CREATE TABLE "agenda_settings" ("network_id" uuid NOT NULL, "member_proposals" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_f3cfdcd30a26b30273e5121c881" PRIMARY KEY ("network_id"))',
    );
    await q.query(
      'CREATE TABLE "agenda_feed_tokens" ("person_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_270ccb99317a492b130389e6c43" PRIMARY KEY ("person_id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_agenda_feed_tokens_hash" ON "agenda_feed_tokens" ("token_hash") ');
    await q.query(
      'CREATE TABLE "agenda_registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "answers" jsonb NOT NULL DEFAULT \'{}\', "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_in_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_763c0c2993184cf5433bb1c02e1" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_agenda_registrations_person" ON "agenda_registrations" ("event_id", "person_id") ');
    await q.query(
      'ALTER TABLE "agenda_events" ADD CONSTRAINT "FK_a66e93c3865da39d89c6f8327f0" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "agenda_events" ADD CONSTRAINT "FK_8564021f5f57b04b071ef5910fa" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "agenda_event_shares" ADD CONSTRAINT "FK_747d6fcbb24ded7e91ad868c7ef" FOREIGN KEY ("event_id") REFERENCES "agenda_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "agenda_event_shares" ADD CONSTRAINT "FK_513a35242742f8288d0154ae668" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "agenda_settings" ADD CONSTRAINT "FK_f3cfdcd30a26b30273e5121c881" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "agenda_feed_tokens" ADD CONSTRAINT "FK_270ccb99317a492b130389e6c43" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "agenda_registrations" ADD CONSTRAINT "FK_b373f1566a47acddec63f63f703" FOREIGN KEY ("event_id") REFERENCES "agenda_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "agenda_registrations" ADD CONSTRAINT "FK_e86857760efb2f64b7ecc56e9bc" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "agenda_registrations" DROP CONSTRAINT "FK_e86857760efb2f64b7ecc56e9bc"');
    await q.query('ALTER TABLE "agenda_registrations" DROP CONSTRAINT "FK_b373f1566a47acddec63f63f703"');
    await q.query('ALTER TABLE "agenda_feed_tokens" DROP CONSTRAINT "FK_270ccb99317a492b130389e6c43"');
    await q.query('ALTER TABLE "agenda_settings" DROP CONSTRAINT "FK_f3cfdcd30a26b30273e5121c881"');
    await q.query('ALTER TABLE "agenda_event_shares" DROP CONSTRAINT "FK_513a35242742f8288d0154ae668"');
    await q.query('ALTER TABLE "agenda_event_shares" DROP CONSTRAINT "FK_747d6fcbb24ded7e91ad868c7ef"');
    await q.query('ALTER TABLE "agenda_events" DROP CONSTRAINT "FK_8564021f5f57b04b071ef5910fa"');
    await q.query('ALTER TABLE "agenda_events" DROP CONSTRAINT "FK_a66e93c3865da39d89c6f8327f0"');
    await q.query('DROP INDEX "public"."uq_agenda_registrations_person"');
    await q.query('DROP TABLE "agenda_registrations"');
    await q.query('DROP INDEX "public"."uq_agenda_feed_tokens_hash"');
    await q.query('DROP TABLE "agenda_feed_tokens"');
    await q.query('DROP TABLE "agenda_settings"');
    await q.query('DROP INDEX "public"."ix_agenda_event_shares_network"');
    await q.query('DROP TABLE "agenda_event_shares"');
    await q.query('DROP INDEX "public"."ix_agenda_events_network_start"');
    await q.query('DROP INDEX "public"."ix_agenda_events_starts_at"');
    await q.query('DROP INDEX "public"."ix_agenda_events_departement"');
    await q.query('DROP INDEX "public"."ix_agenda_events_series"');
    await q.query('DROP TABLE "agenda_events"');
  }
}
