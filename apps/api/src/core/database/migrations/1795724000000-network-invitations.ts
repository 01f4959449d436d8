import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Networks: a logo, and invitations by e-mail or shareable link (tokens stored hashed). */
export class NetworkInvitations1795724000000 implements MigrationInterface {
  name = 'NetworkInvitations1795724000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "networks" ADD "logo_file_id" uuid');
    await q.query(
      'CREATE TABLE "network_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "email" character varying(254), "token_hash" character varying(64) NOT NULL, "created_by_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE, "max_uses" integer, "uses" integer NOT NULL DEFAULT \'0\', "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f84f63a698c49a4c6729b26acb9" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_network_invitations_network" ON "network_invitations" ("network_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_network_invitations_token" ON "network_invitations" ("token_hash") ');
    await q.query(
      'ALTER TABLE "network_invitations" ADD CONSTRAINT "FK_85abd3fb4b5dda57f5f5be355ed" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_invitations" ADD CONSTRAINT "FK_5623c4300d74c4da70dcf007441" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "network_invitations" DROP CONSTRAINT "FK_5623c4300d74c4da70dcf007441"');
    await q.query('ALTER TABLE "network_invitations" DROP CONSTRAINT "FK_85abd3fb4b5dda57f5f5be355ed"');
    await q.query('DROP INDEX "public"."uq_network_invitations_token"');
    await q.query('DROP INDEX "public"."ix_network_invitations_network"');
    await q.query('DROP TABLE "network_invitations"');
    await q.query('ALTER TABLE "networks" DROP COLUMN "logo_file_id"');
  }
}
