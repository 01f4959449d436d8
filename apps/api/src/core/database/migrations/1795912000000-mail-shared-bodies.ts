import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mails sent to many people (newsletters) store their body once in `mail_bodies`; each outbox row then holds only
 * its address and the values of the body's placeholders (`vars`), filled in when the mail is delivered or read.
 */
export class MailSharedBodies1795912000000 implements MigrationInterface {
  name = 'MailSharedBodies1795912000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "mail_bodies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "html" text NOT NULL, "text" text NOT NULL, "headers" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_mail_bodies" PRIMARY KEY ("id"))',
    );
    await q.query('ALTER TABLE "mail_outbox" ADD "body_id" uuid, ADD "vars" jsonb');
    await q.query('ALTER TABLE "mail_outbox" ALTER COLUMN "html" DROP NOT NULL, ALTER COLUMN "text" DROP NOT NULL');
    await q.query(
      'ALTER TABLE "mail_outbox" ADD CONSTRAINT "CHK_mail_outbox_body" CHECK ("body_id" IS NOT NULL OR ("html" IS NOT NULL AND "text" IS NOT NULL))',
    );
    await q.query(
      'ALTER TABLE "mail_outbox" ADD CONSTRAINT "FK_mail_outbox_body" FOREIGN KEY ("body_id") REFERENCES "mail_bodies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE mail_outbox o SET html = b.html, text = b.text FROM mail_bodies b WHERE o.body_id = b.id`);
    await q.query('ALTER TABLE "mail_outbox" DROP CONSTRAINT "FK_mail_outbox_body"');
    await q.query('ALTER TABLE "mail_outbox" DROP CONSTRAINT "CHK_mail_outbox_body"');
    await q.query('ALTER TABLE "mail_outbox" ALTER COLUMN "html" SET NOT NULL, ALTER COLUMN "text" SET NOT NULL');
    await q.query('ALTER TABLE "mail_outbox" DROP COLUMN "vars", DROP COLUMN "body_id"');
    await q.query('DROP TABLE "mail_bodies"');
  }
}
