import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1795722352684 implements MigrationInterface {
  name = 'Moderation1795722352684';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "moderation_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(32) NOT NULL, "target_kind" character varying(32) NOT NULL, "target_id" uuid NOT NULL, "reason" text, "details" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d259906fb4d2a5ef718f1f66e35" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_moderation_actions_network" ON "moderation_actions" ("network_id", "created_at") ');
    await q.query(
      'CREATE TABLE "moderation_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "target_kind" character varying(32) NOT NULL, "target_id" uuid NOT NULL, "network_id" uuid NOT NULL, "reporter_id" uuid, "reason" character varying(32) NOT NULL, "comment" text, "status" character varying(16) NOT NULL DEFAULT \'open\', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a40784ec3803830fe974b4b85fb" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_moderation_reports_open" ON "moderation_reports" ("target_kind", "target_id", "reporter_id") WHERE "status" = \'open\'',
    );
    await q.query('CREATE INDEX "ix_moderation_reports_target" ON "moderation_reports" ("target_kind", "target_id") ');
    await q.query('CREATE INDEX "ix_moderation_reports_queue" ON "moderation_reports" ("network_id", "status") ');
    await q.query(
      'CREATE TABLE "moderation_posting_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8319e9240416c0296f025aa787a" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "ix_moderation_posting_events_key" ON "moderation_posting_events" ("network_id", "person_id", "created_at") ',
    );
    await q.query(
      'ALTER TABLE "moderation_actions" ADD CONSTRAINT "FK_a675b04b3dcae5270a6a19c744c" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "moderation_actions" ADD CONSTRAINT "FK_fb3a6f1f4f84c2e834e86bea465" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "moderation_reports" ADD CONSTRAINT "FK_ae51dc354d3a561603ebf823fc4" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "moderation_reports" ADD CONSTRAINT "FK_2a75fb514f2d13b13616066fd20" FOREIGN KEY ("reporter_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "moderation_reports" ADD CONSTRAINT "FK_fe5e978198d9d367e039477e19d" FOREIGN KEY ("decided_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "moderation_posting_events" ADD CONSTRAINT "FK_1adf77bec113eaa59c8005fb462" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "moderation_posting_events" ADD CONSTRAINT "FK_2af0e241230490f7c570fc41313" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "moderation_posting_events" DROP CONSTRAINT "FK_2af0e241230490f7c570fc41313"');
    await q.query('ALTER TABLE "moderation_posting_events" DROP CONSTRAINT "FK_1adf77bec113eaa59c8005fb462"');
    await q.query('ALTER TABLE "moderation_reports" DROP CONSTRAINT "FK_fe5e978198d9d367e039477e19d"');
    await q.query('ALTER TABLE "moderation_reports" DROP CONSTRAINT "FK_2a75fb514f2d13b13616066fd20"');
    await q.query('ALTER TABLE "moderation_reports" DROP CONSTRAINT "FK_ae51dc354d3a561603ebf823fc4"');
    await q.query('ALTER TABLE "moderation_actions" DROP CONSTRAINT "FK_fb3a6f1f4f84c2e834e86bea465"');
    await q.query('ALTER TABLE "moderation_actions" DROP CONSTRAINT "FK_a675b04b3dcae5270a6a19c744c"');
    await q.query('DROP INDEX "public"."ix_moderation_posting_events_key"');
    await q.query('DROP TABLE "moderation_posting_events"');
    await q.query('DROP INDEX "public"."ix_moderation_reports_queue"');
    await q.query('DROP INDEX "public"."ix_moderation_reports_target"');
    await q.query('DROP INDEX "public"."uq_moderation_reports_open"');
    await q.query('DROP TABLE "moderation_reports"');
    await q.query('DROP INDEX "public"."ix_moderation_actions_network"');
    await q.query('DROP TABLE "moderation_actions"');
  }
}
