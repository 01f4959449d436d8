import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Two-factor sign-in (TOTP secrets, recovery codes, the platform setting) and sessions listed by a public id. */
export class AccountsSignIn1795900000000 implements MigrationInterface {
  name = 'AccountsSignIn1795900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "two_factor_credentials" ("person_id" uuid NOT NULL, "secret_encrypted" character varying(300) NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_step" bigint NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_14b52519b15b8e64f347f4df88f" PRIMARY KEY ("person_id"))',
    );
    await q.query(
      'CREATE TABLE "two_factor_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "code_hash" character varying(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6f535a18c9fb9da8cc9b7ea70dc" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_two_factor_recovery_codes_person" ON "two_factor_recovery_codes" ("person_id") ');
    await q.query(
      'CREATE TABLE "security_settings" ("id" smallint NOT NULL, "require_two_factor_for_staff" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4aec436cf81177ae97a1bcec3c7" PRIMARY KEY ("id"))',
    );
    await q.query('ALTER TABLE "sessions" ADD "public_id" uuid NOT NULL DEFAULT gen_random_uuid()');
    await q.query('ALTER TABLE "sessions" ADD "must_enrol_two_factor" boolean NOT NULL DEFAULT false');
    await q.query('CREATE UNIQUE INDEX "ux_sessions_public_id" ON "sessions" ("public_id") ');
    await q.query(
      'ALTER TABLE "two_factor_credentials" ADD CONSTRAINT "FK_14b52519b15b8e64f347f4df88f" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "two_factor_recovery_codes" ADD CONSTRAINT "FK_630336dc033184e0dc881e3fda1" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query('INSERT INTO "security_settings" ("id") VALUES (1)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "two_factor_recovery_codes" DROP CONSTRAINT "FK_630336dc033184e0dc881e3fda1"');
    await q.query('ALTER TABLE "two_factor_credentials" DROP CONSTRAINT "FK_14b52519b15b8e64f347f4df88f"');
    await q.query('DROP INDEX "public"."ux_sessions_public_id"');
    await q.query('ALTER TABLE "sessions" DROP COLUMN "must_enrol_two_factor"');
    await q.query('ALTER TABLE "sessions" DROP COLUMN "public_id"');
    await q.query('DROP TABLE "security_settings"');
    await q.query('DROP INDEX "public"."ix_two_factor_recovery_codes_person"');
    await q.query('DROP TABLE "two_factor_recovery_codes"');
    await q.query('DROP TABLE "two_factor_credentials"');
  }
}
