import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-device sign-in tokens (hashed, rotated at each sign-in) and the device each session was opened from. */
export class KnownDevices1795810000000 implements MigrationInterface {
  name = 'KnownDevices1795810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "known_devices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "user_agent" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f1337dfd94ae70a64a4c50e52ea" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_known_devices_person" ON "known_devices" ("person_id") ');
    await q.query('CREATE UNIQUE INDEX "ux_known_devices_token" ON "known_devices" ("token_hash") ');
    await q.query('ALTER TABLE "sessions" ADD "device_id" uuid');
    await q.query('CREATE INDEX "ix_sessions_device" ON "sessions" ("device_id") ');
    await q.query(
      'ALTER TABLE "known_devices" ADD CONSTRAINT "FK_30f126e9acf23b709122636c115" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_97207844c19e5c27d33a07f67c0" FOREIGN KEY ("device_id") REFERENCES "known_devices"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_97207844c19e5c27d33a07f67c0"');
    await q.query('ALTER TABLE "known_devices" DROP CONSTRAINT "FK_30f126e9acf23b709122636c115"');
    await q.query('DROP INDEX "public"."ix_sessions_device"');
    await q.query('ALTER TABLE "sessions" DROP COLUMN "device_id"');
    await q.query('DROP INDEX "public"."ux_known_devices_token"');
    await q.query('DROP INDEX "public"."ix_known_devices_person"');
    await q.query('DROP TABLE "known_devices"');
  }
}
