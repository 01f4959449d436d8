import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Newsletters (modules/newsletters) and, for their sending, the outbox's reference and retry time (core/mail). */
export class Newsletters1795860000000 implements MigrationInterface {
  name = 'Newsletters1795860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "newsletters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject" character varying(150) NOT NULL, "blocks" jsonb NOT NULL, "audience" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'draft\', "scheduled_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "lease_until" TIMESTAMP WITH TIME ZONE, "mail_html" text, "mail_text" text, "archive_html" text, "links" jsonb, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b63ff3417bbaa6c92061b9f6934" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_newsletters_due" ON "newsletters" ("status", "scheduled_at") ');
    await q.query(
      'CREATE TABLE "newsletter_clicks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "newsletter_id" uuid NOT NULL, "person_id" uuid NOT NULL, "link" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5424f1f62602a51dd84c60685b3" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_newsletter_clicks_newsletter" ON "newsletter_clicks" ("newsletter_id") ');
    await q.query(
      'CREATE TABLE "newsletter_networks" ("newsletter_id" uuid NOT NULL, "network_id" uuid NOT NULL, CONSTRAINT "PK_9a6b928550237da018bb544b9d0" PRIMARY KEY ("newsletter_id", "network_id"))',
    );
    await q.query('CREATE INDEX "ix_newsletter_networks_network" ON "newsletter_networks" ("network_id") ');
    await q.query(
      'CREATE TABLE "newsletter_recipients" ("newsletter_id" uuid NOT NULL, "person_id" uuid NOT NULL, "network_ids" uuid array NOT NULL, "email" character varying(254) NOT NULL, "locale" character varying(2) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "mail_id" uuid, CONSTRAINT "PK_8893f15f0282215d10b94cd6113" PRIMARY KEY ("newsletter_id", "person_id"))',
    );
    await q.query('CREATE INDEX "ix_newsletter_recipients_status" ON "newsletter_recipients" ("newsletter_id", "status") ');
    await q.query(
      'CREATE TABLE "newsletter_unsubscribes" ("person_id" uuid NOT NULL, "network_id" uuid NOT NULL, "newsletter_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e8cd9868dd65fb1f23d71fc00f" PRIMARY KEY ("person_id", "network_id"))',
    );
    await q.query('ALTER TABLE "mail_outbox" ADD "ref" character varying(80)');
    await q.query('ALTER TABLE "mail_outbox" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE');
    await q.query('CREATE INDEX "ix_mail_outbox_ref" ON "mail_outbox" ("ref") ');
    await q.query(
      'ALTER TABLE "newsletters" ADD CONSTRAINT "FK_6a9ea5a429771b1d41d88bf838f" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "newsletter_clicks" ADD CONSTRAINT "FK_d06a3c9836e0e58ab41f801b9a3" FOREIGN KEY ("newsletter_id") REFERENCES "newsletters"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "newsletter_networks" ADD CONSTRAINT "FK_e6061131cab4e28537b5da8cc3f" FOREIGN KEY ("newsletter_id") REFERENCES "newsletters"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "newsletter_networks" ADD CONSTRAINT "FK_339889de05f99e8460bb05ac67f" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "newsletter_recipients" ADD CONSTRAINT "FK_2968b4e254814840ddbc34c06d0" FOREIGN KEY ("newsletter_id") REFERENCES "newsletters"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "newsletter_recipients" ADD CONSTRAINT "FK_7b883a186a0c2ef4e683513b100" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "newsletter_unsubscribes" ADD CONSTRAINT "FK_ee9f57dc27e8f9fa3a0a7b5b19e" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "newsletter_unsubscribes" ADD CONSTRAINT "FK_9783b91924839f8349f94c250f9" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "newsletter_unsubscribes" DROP CONSTRAINT "FK_9783b91924839f8349f94c250f9"');
    await q.query('ALTER TABLE "newsletter_unsubscribes" DROP CONSTRAINT "FK_ee9f57dc27e8f9fa3a0a7b5b19e"');
    await q.query('ALTER TABLE "newsletter_recipients" DROP CONSTRAINT "FK_7b883a186a0c2ef4e683513b100"');
    await q.query('ALTER TABLE "newsletter_recipients" DROP CONSTRAINT "FK_2968b4e254814840ddbc34c06d0"');
    await q.query('ALTER TABLE "newsletter_networks" DROP CONSTRAINT "FK_339889de05f99e8460bb05ac67f"');
    await q.query('ALTER TABLE "newsletter_networks" DROP CONSTRAINT "FK_e6061131cab4e28537b5da8cc3f"');
    await q.query('ALTER TABLE "newsletter_clicks" DROP CONSTRAINT "FK_d06a3c9836e0e58ab41f801b9a3"');
    await q.query('ALTER TABLE "newsletters" DROP CONSTRAINT "FK_6a9ea5a429771b1d41d88bf838f"');
    await q.query('DROP INDEX "public"."ix_mail_outbox_ref"');
    await q.query('ALTER TABLE "mail_outbox" DROP COLUMN "next_attempt_at"');
    await q.query('ALTER TABLE "mail_outbox" DROP COLUMN "ref"');
    await q.query('DROP TABLE "newsletter_unsubscribes"');
    await q.query('DROP INDEX "public"."ix_newsletter_recipients_status"');
    await q.query('DROP TABLE "newsletter_recipients"');
    await q.query('DROP INDEX "public"."ix_newsletter_networks_network"');
    await q.query('DROP TABLE "newsletter_networks"');
    await q.query('DROP INDEX "public"."ix_newsletter_clicks_newsletter"');
    await q.query('DROP TABLE "newsletter_clicks"');
    await q.query('DROP INDEX "public"."ix_newsletters_due"');
    await q.query('DROP TABLE "newsletters"');
  }
}
