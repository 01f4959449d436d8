import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The weekly e-mail "opportunities for my company": who opted in and when it last went. */
export class OpportunityDigest1795905300000 implements MigrationInterface {
  name = 'OpportunityDigest1795905300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "opportunity_digest_subscriptions" ("person_id" uuid NOT NULL, "last_sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_opportunity_digest_subscriptions" PRIMARY KEY ("person_id"))',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "opportunity_digest_subscriptions"');
  }
}
