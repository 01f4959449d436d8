import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A newsletter's rendered mail now lives once in the outbox's shared bodies (`mail_body_id`) instead of in its own
 * columns. One being sent when this runs is rendered again by the worker (same blocks, same result) for the
 * recipients still pending; those already queued keep their whole mail.
 */
export class NewsletterMailBody1795912100000 implements MigrationInterface {
  name = 'NewsletterMailBody1795912100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "newsletters" ADD "mail_body_id" uuid');
    await q.query('ALTER TABLE "newsletters" DROP COLUMN "mail_html", DROP COLUMN "mail_text"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "newsletters" ADD "mail_html" text, ADD "mail_text" text');
    await q.query('ALTER TABLE "newsletters" DROP COLUMN "mail_body_id"');
  }
}
