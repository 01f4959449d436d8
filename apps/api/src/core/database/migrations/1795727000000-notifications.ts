import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications: the notification centre, per-type preferences, daily digest claims, mail headers (List-Unsubscribe). */
export class Notifications1795727000000 implements MigrationInterface {
  name = 'Notifications1795727000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "notification_digests" ("person_id" uuid NOT NULL, "day" date NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40fda4182c5a7d25ae7a15e88c3" PRIMARY KEY ("person_id", "day"))',
    );
    await q.query(
      'CREATE TABLE "notification_preferences" ("person_id" uuid NOT NULL, "type" character varying(64) NOT NULL, "channel" character varying(16) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba9f7f54f5b22e3f3fecc68a581" PRIMARY KEY ("person_id", "type"))',
    );
    await q.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "type" character varying(64) NOT NULL, "actor_id" uuid, "subject_kind" character varying(32) NOT NULL, "subject_id" character varying(64) NOT NULL, "network_id" uuid, "data" jsonb NOT NULL DEFAULT \'{}\', "path" character varying(500) NOT NULL, "dedupe_key" character varying(200), "count" integer NOT NULL DEFAULT \'1\', "email" character varying(16) NOT NULL DEFAULT \'none\', "emailed_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "ix_notifications_digest" ON "notifications" ("recipient_id") WHERE "email" = \'digest\' AND "emailed_at" IS NULL',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("recipient_id", "dedupe_key") WHERE "read_at" IS NULL AND "dedupe_key" IS NOT NULL',
    );
    await q.query('CREATE INDEX "ix_notifications_recipient" ON "notifications" ("recipient_id", "created_at") ');
    await q.query('ALTER TABLE "mail_outbox" ADD "headers" jsonb');
    await q.query(
      'ALTER TABLE "notification_digests" ADD CONSTRAINT "FK_189f538e0b7e8448234df202bcc" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_57d4eb7d38306aef3208185725e" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "notifications" ADD CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d" FOREIGN KEY ("recipient_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "notifications" ADD CONSTRAINT "FK_20f8b51fd9655c0b69feed5efc6" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "notifications" DROP CONSTRAINT "FK_20f8b51fd9655c0b69feed5efc6"');
    await q.query('ALTER TABLE "notifications" DROP CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d"');
    await q.query('ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_57d4eb7d38306aef3208185725e"');
    await q.query('ALTER TABLE "notification_digests" DROP CONSTRAINT "FK_189f538e0b7e8448234df202bcc"');
    await q.query('ALTER TABLE "mail_outbox" DROP COLUMN "headers"');
    await q.query('DROP INDEX "public"."ix_notifications_recipient"');
    await q.query('DROP INDEX "public"."uq_notifications_dedupe"');
    await q.query('DROP INDEX "public"."ix_notifications_digest"');
    await q.query('DROP TABLE "notifications"');
    await q.query('DROP TABLE "notification_preferences"');
    await q.query('DROP TABLE "notification_digests"');
  }
}
