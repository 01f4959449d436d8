import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Privacy: legal texts and consents, privacy settings, data exports, the admin audit log and retention (modules/privacy); phone, suspension and erasure on people. */
export class Privacy1795895000000 implements MigrationInterface {
  name = 'Privacy1795895000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "data_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "requested_by_id" uuid, "status" character varying(12) NOT NULL DEFAULT \'pending\', "progress" smallint NOT NULL DEFAULT \'0\', "file_id" uuid, "token_hash" character varying(64), "expires_at" TIMESTAMP WITH TIME ZONE, "attempts" smallint NOT NULL DEFAULT \'0\', "lease_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3e8b8b297ef4446f30527695c10" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_data_exports_pending" ON "data_exports" ("created_at") WHERE "status" IN (\'pending\', \'running\')');
    await q.query('CREATE INDEX "ix_data_exports_person" ON "data_exports" ("person_id", "created_at") ');
    await q.query(
      'CREATE TABLE "admin_audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" character varying(48) NOT NULL, "target_person_id" uuid, "details" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b61b6737b03780ef3e9a6988d14" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_admin_audit_entries_created" ON "admin_audit_entries" ("created_at") ');
    await q.query(
      'CREATE TABLE "consents" ("person_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "version" integer NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4acd7c15c74937a02ad0d99e24e" PRIMARY KEY ("person_id", "kind", "version"))',
    );
    await q.query(
      'CREATE TABLE "legal_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "version" integer NOT NULL, "body" text NOT NULL, "published_by_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_846b11262368906ded5d26ac271" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_legal_documents_kind_version" ON "legal_documents" ("kind", "version") ');
    await q.query(
      'CREATE TABLE "privacy_settings" ("person_id" uuid NOT NULL, "profile_visibility" character varying(16) NOT NULL DEFAULT \'everyone\', "email_visibility" character varying(16) NOT NULL DEFAULT \'networks\', "phone_visibility" character varying(16) NOT NULL DEFAULT \'networks\', "in_contacts_search" boolean NOT NULL DEFAULT true, "in_public_member_lists" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4b2024ff8991bb99671325a906" PRIMARY KEY ("person_id"))',
    );
    await q.query(
      'CREATE TABLE "retention_settings" ("id" smallint NOT NULL DEFAULT \'1\', "outbox_days" integer NOT NULL DEFAULT \'90\', "ended_sessions_days" integer NOT NULL DEFAULT \'30\', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba0941ea3e43235c88387d87aa8" PRIMARY KEY ("id"))',
    );
    await q.query('ALTER TABLE "people" ADD "phone" character varying(30)');
    await q.query('ALTER TABLE "people" ADD "suspended_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "people" ADD "erased_at" TIMESTAMP WITH TIME ZONE');
    await q.query(
      'ALTER TABLE "data_exports" ADD CONSTRAINT "FK_ae7fbe4cadc7ee88b4629f942de" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "consents" ADD CONSTRAINT "FK_386e2258153075525e939e51bc8" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "privacy_settings" ADD CONSTRAINT "FK_f4b2024ff8991bb99671325a906" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "privacy_settings" DROP CONSTRAINT "FK_f4b2024ff8991bb99671325a906"');
    await q.query('ALTER TABLE "consents" DROP CONSTRAINT "FK_386e2258153075525e939e51bc8"');
    await q.query('ALTER TABLE "data_exports" DROP CONSTRAINT "FK_ae7fbe4cadc7ee88b4629f942de"');
    await q.query('ALTER TABLE "people" DROP COLUMN "erased_at"');
    await q.query('ALTER TABLE "people" DROP COLUMN "suspended_at"');
    await q.query('ALTER TABLE "people" DROP COLUMN "phone"');
    await q.query('DROP TABLE "retention_settings"');
    await q.query('DROP TABLE "privacy_settings"');
    await q.query('DROP INDEX "public"."uq_legal_documents_kind_version"');
    await q.query('DROP TABLE "legal_documents"');
    await q.query('DROP TABLE "consents"');
    await q.query('DROP INDEX "public"."ix_admin_audit_entries_created"');
    await q.query('DROP TABLE "admin_audit_entries"');
    await q.query('DROP INDEX "public"."ix_data_exports_person"');
    await q.query('DROP INDEX "public"."ix_data_exports_pending"');
    await q.query('DROP TABLE "data_exports"');
  }
}
