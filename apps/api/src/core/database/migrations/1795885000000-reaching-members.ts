import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Announcements (modules/announcements) and each member's notification level per network (modules/notifications). */
export class ReachingMembers1795885000000 implements MigrationInterface {
  name = 'ReachingMembers1795885000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "network_notification_levels" ("person_id" uuid NOT NULL, "network_id" uuid NOT NULL, "level" character varying(16) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_52cff817135e149f66d94594ff3" PRIMARY KEY ("person_id", "network_id"))',
    );
    await q.query(
      'CREATE TABLE "announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "title" character varying(150) NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "pinned" boolean NOT NULL DEFAULT true, "pinned_until" TIMESTAMP WITH TIME ZONE, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_announcements_network" ON "announcements" ("network_id", "created_at") ');
    await q.query(
      'ALTER TABLE "network_notification_levels" ADD CONSTRAINT "FK_7092b6e0c6ceafaf89ed5c11dd8" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_notification_levels" ADD CONSTRAINT "FK_3944efe04e8eedbd298441af685" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "announcements" ADD CONSTRAINT "FK_983f701634c5f4f74f2bd66fb3b" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "announcements" ADD CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "announcements" DROP CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0"');
    await q.query('ALTER TABLE "announcements" DROP CONSTRAINT "FK_983f701634c5f4f74f2bd66fb3b"');
    await q.query('ALTER TABLE "network_notification_levels" DROP CONSTRAINT "FK_3944efe04e8eedbd298441af685"');
    await q.query('ALTER TABLE "network_notification_levels" DROP CONSTRAINT "FK_7092b6e0c6ceafaf89ed5c11dd8"');
    await q.query('DROP INDEX "public"."ix_announcements_network"');
    await q.query('DROP TABLE "announcements"');
    await q.query('DROP TABLE "network_notification_levels"');
  }
}
