import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations' OpenID Connect providers, the sign-ins in progress at them and who their subjects are here. */
export class StaffSingleSignOn1795901000000 implements MigrationInterface {
  name = 'StaffSingleSignOn1795901000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "sso_flows" ("state_hash" character varying(64) NOT NULL, "browser_hash" character varying(64) NOT NULL, "organization_id" uuid NOT NULL, "nonce" character varying(100) NOT NULL, "code_verifier" character varying(200) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_67dd647593174bb865cbafa9540" PRIMARY KEY ("state_hash"))',
    );
    await q.query('CREATE INDEX "ix_sso_flows_organization" ON "sso_flows" ("organization_id") ');
    await q.query('CREATE INDEX "ix_sso_flows_expires" ON "sso_flows" ("expires_at") ');
    await q.query(
      'CREATE TABLE "sso_providers" ("organization_id" uuid NOT NULL, "issuer" character varying(500) NOT NULL, "client_id" character varying(200) NOT NULL, "client_secret_encrypted" character varying(1000) NOT NULL, "allowed_domains" character varying(253) array NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_445a92c49637ac2177a8448b689" PRIMARY KEY ("organization_id"))',
    );
    await q.query(
      'ALTER TABLE "sso_flows" ADD CONSTRAINT "FK_e6dc9ba8f93e305150036dcbc96" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "sso_providers" ADD CONSTRAINT "FK_445a92c49637ac2177a8448b689" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'CREATE TABLE "sso_identities" ("organization_id" uuid NOT NULL, "subject" character varying(255) NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b29f74e5acb05702b5b39af4bc2" PRIMARY KEY ("organization_id", "subject"))',
    );
    await q.query('CREATE INDEX "ix_sso_identities_person" ON "sso_identities" ("person_id") ');
    await q.query(
      'ALTER TABLE "sso_identities" ADD CONSTRAINT "FK_71691e586e3114dfbee2912e6cd" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "sso_identities" ADD CONSTRAINT "FK_bf36d08ef3feb518111667cf9fe" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sso_identities" DROP CONSTRAINT "FK_bf36d08ef3feb518111667cf9fe"');
    await q.query('ALTER TABLE "sso_identities" DROP CONSTRAINT "FK_71691e586e3114dfbee2912e6cd"');
    await q.query('DROP INDEX "public"."ix_sso_identities_person"');
    await q.query('DROP TABLE "sso_identities"');
    await q.query('ALTER TABLE "sso_providers" DROP CONSTRAINT "FK_445a92c49637ac2177a8448b689"');
    await q.query('ALTER TABLE "sso_flows" DROP CONSTRAINT "FK_e6dc9ba8f93e305150036dcbc96"');
    await q.query('DROP TABLE "sso_providers"');
    await q.query('DROP INDEX "public"."ix_sso_flows_expires"');
    await q.query('DROP INDEX "public"."ix_sso_flows_organization"');
    await q.query('DROP TABLE "sso_flows"');
  }
}
