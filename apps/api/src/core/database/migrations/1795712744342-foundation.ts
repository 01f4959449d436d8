import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795712744342 implements MigrationInterface {
  name = 'Foundation1795712744342';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await q.query(
      'CREATE TABLE "commune_geo" ("code" character varying(5) NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, CONSTRAINT "PK_33984e6e5143899dbfecaf8a311" PRIMARY KEY ("code"))',
    );
    await q.query(
      'CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "to" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "template" character varying(64) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_mail_outbox_status" ON "mail_outbox" ("status") ');
    await q.query(
      'CREATE TABLE "files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "storage_key" character varying(100) NOT NULL, "original_name" character varying(255) NOT NULL, "mime_type" character varying(100) NOT NULL, "size" integer NOT NULL, "uploaded_by_id" uuid, "is_public" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(255), "email_verified_at" TIMESTAMP WITH TIME ZONE, "platform_role" character varying(16) NOT NULL DEFAULT \'user\', "locale" character varying(2) NOT NULL DEFAULT \'fr\', "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "job_title" character varying(150), "bio" text, "skills" text array NOT NULL DEFAULT \'{}\', "languages" text array NOT NULL DEFAULT \'{}\', "photo_file_id" uuid, "is_expert" boolean NOT NULL DEFAULT false, "expertise_domains" text array NOT NULL DEFAULT \'{}\', "areas_served" text array NOT NULL DEFAULT \'{}\', "session_generation" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_people_email" ON "people" ("email") ');
    await q.query(
      'CREATE TABLE "companies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siren" character(9) NOT NULL, "siret" character(14) NOT NULL, "legal_name" character varying(250) NOT NULL, "trade_name" character varying(250), "naf_code" character varying(6), "legal_form_code" character varying(4), "headcount_band" character varying(2), "address_line1" character varying(200), "address_line2" character varying(200), "postal_code" character varying(5), "commune_code" character varying(5), "departement_code" character varying(3), "region_code" character varying(3), "lat" double precision, "lng" double precision, "website" character varying(300), "description" text, "logo_file_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_companies_siren" ON "companies" ("siren") ');
    await q.query('CREATE UNIQUE INDEX "uq_companies_siret" ON "companies" ("siret") ');
    await q.query('CREATE INDEX "ix_companies_naf" ON "companies" ("naf_code") ');
    await q.query('CREATE INDEX "ix_companies_commune" ON "companies" ("commune_code") ');
    await q.query(
      'CREATE TABLE "company_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(16) NOT NULL, "token_hash" character varying(64) NOT NULL, "invited_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f73da096e85d9dcfaee9fb4ea5e" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_company_invitations_company" ON "company_invitations" ("company_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_company_invitations_token" ON "company_invitations" ("token_hash") ');
    await q.query(
      'CREATE TABLE "company_members" ("company_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06c8c55715ea9e8b31db96c8931" PRIMARY KEY ("company_id", "person_id"))',
    );
    await q.query('CREATE INDEX "ix_company_members_person" ON "company_members" ("person_id") ');
    await q.query(
      'CREATE TABLE "auth_tokens" ("token_hash" character varying(64) NOT NULL, "person_id" uuid NOT NULL, "purpose" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3a94cfa1eada85ac2bf6f3016b7" PRIMARY KEY ("token_hash"))',
    );
    await q.query('CREATE INDEX "ix_auth_tokens_person" ON "auth_tokens" ("person_id") ');
    await q.query(
      'CREATE TABLE "auth_throttles" ("key" character varying(300) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_92f04bc24dfd3e84a142603c0c0" PRIMARY KEY ("key"))',
    );
    await q.query(
      'CREATE TABLE "sessions" ("token_hash" character varying(64) NOT NULL, "person_id" uuid NOT NULL, "generation" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_agent" character varying(300), CONSTRAINT "PK_abaa9e068cdd390bc5210f79884" PRIMARY KEY ("token_hash"))',
    );
    await q.query('CREATE INDEX "ix_sessions_person" ON "sessions" ("person_id") ');
    await q.query(
      'CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "parent_id" uuid, "commune_code" character varying(5), "website" character varying(300), "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_organizations_name" ON "organizations" ("name") ');
    await q.query(
      'CREATE TABLE "organization_staff" ("organization_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_55b4aa755a499a60e5125ea2f7d" PRIMARY KEY ("organization_id", "person_id"))',
    );
    await q.query('CREATE INDEX "ix_organization_staff_person" ON "organization_staff" ("person_id") ');
    await q.query(
      'ALTER TABLE "company_invitations" ADD CONSTRAINT "FK_299a0145ecb210cee972d1cc3c8" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "company_invitations" ADD CONSTRAINT "FK_d4f85c73d88c3390e22629cf7e2" FOREIGN KEY ("invited_by_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "company_members" ADD CONSTRAINT "FK_e33a61fd560f6412d3ffb39f225" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "company_members" ADD CONSTRAINT "FK_eb87f4f4d97b5ffbac9c2e9e47c" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "auth_tokens" ADD CONSTRAINT "FK_65f0167aa332888c6f0a874ff5c" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_c3942eab830cae599a763e11557" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "organizations" ADD CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "organization_staff" ADD CONSTRAINT "FK_99b2cc56f60ef860ddb563cf454" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "organization_staff" ADD CONSTRAINT "FK_9460c963da5e758b80d4ebfb8a8" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "organization_staff" DROP CONSTRAINT "FK_9460c963da5e758b80d4ebfb8a8"');
    await q.query('ALTER TABLE "organization_staff" DROP CONSTRAINT "FK_99b2cc56f60ef860ddb563cf454"');
    await q.query('ALTER TABLE "organizations" DROP CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331"');
    await q.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_c3942eab830cae599a763e11557"');
    await q.query('ALTER TABLE "auth_tokens" DROP CONSTRAINT "FK_65f0167aa332888c6f0a874ff5c"');
    await q.query('ALTER TABLE "company_members" DROP CONSTRAINT "FK_eb87f4f4d97b5ffbac9c2e9e47c"');
    await q.query('ALTER TABLE "company_members" DROP CONSTRAINT "FK_e33a61fd560f6412d3ffb39f225"');
    await q.query('ALTER TABLE "company_invitations" DROP CONSTRAINT "FK_d4f85c73d88c3390e22629cf7e2"');
    await q.query('ALTER TABLE "company_invitations" DROP CONSTRAINT "FK_299a0145ecb210cee972d1cc3c8"');
    await q.query('DROP INDEX "public"."ix_organization_staff_person"');
    await q.query('DROP TABLE "organization_staff"');
    await q.query('DROP INDEX "public"."uq_organizations_name"');
    await q.query('DROP TABLE "organizations"');
    await q.query('DROP INDEX "public"."ix_sessions_person"');
    await q.query('DROP TABLE "sessions"');
    await q.query('DROP TABLE "auth_throttles"');
    await q.query('DROP INDEX "public"."ix_auth_tokens_person"');
    await q.query('DROP TABLE "auth_tokens"');
    await q.query('DROP INDEX "public"."ix_company_members_person"');
    await q.query('DROP TABLE "company_members"');
    await q.query('DROP INDEX "public"."uq_company_invitations_token"');
    await q.query('DROP INDEX "public"."ix_company_invitations_company"');
    await q.query('DROP TABLE "company_invitations"');
    await q.query('DROP INDEX "public"."ix_companies_commune"');
    await q.query('DROP INDEX "public"."ix_companies_naf"');
    await q.query('DROP INDEX "public"."uq_companies_siret"');
    await q.query('DROP INDEX "public"."ix_companies_siren"');
    await q.query('DROP TABLE "companies"');
    await q.query('DROP INDEX "public"."uq_people_email"');
    await q.query('DROP TABLE "people"');
    await q.query('DROP TABLE "files"');
    await q.query('DROP INDEX "public"."ix_mail_outbox_status"');
    await q.query('DROP TABLE "mail_outbox"');
    await q.query('DROP TABLE "commune_geo"');
  }
}
