import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Networks1795719619784 implements MigrationInterface {
  name = 'Networks1795719619784';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "networks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "slug" character varying(120) NOT NULL, "type" character varying(40) NOT NULL, "visibility" character varying(16) NOT NULL, "join_policy" character varying(16) NOT NULL, "description" text, "charter" text, "commune_codes" text array NOT NULL DEFAULT \'{}\', "epci_codes" text array NOT NULL DEFAULT \'{}\', "departement_codes" text array NOT NULL DEFAULT \'{}\', "region_codes" text array NOT NULL DEFAULT \'{}\', "naf_codes" text array NOT NULL DEFAULT \'{}\', "themes" text array NOT NULL DEFAULT \'{}\', "maturity" character varying(16) NOT NULL, "host_organization_id" uuid NOT NULL, "referent_organization_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61b1ee921bf79550d9d4742b9f7" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_networks_slug" ON "networks" ("slug") ');
    await q.query('CREATE INDEX "ix_networks_type" ON "networks" ("type") ');
    await q.query('CREATE INDEX "ix_networks_host" ON "networks" ("host_organization_id") ');
    await q.query(
      'CREATE TABLE "network_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "company_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "message" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de8ec57df455bec66217fd5744f" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_network_memberships_company" ON "network_memberships" ("company_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_network_memberships" ON "network_memberships" ("network_id", "company_id") ');
    await q.query(
      'CREATE TABLE "network_membership_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "membership_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(32) NOT NULL, "from_status" character varying(16), "to_status" character varying(16), "from_role" character varying(16), "to_role" character varying(16), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d8183b77869e79c8b840e11c59" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_network_membership_events_membership" ON "network_membership_events" ("membership_id") ');
    await q.query(
      'CREATE TABLE "network_parents" ("network_id" uuid NOT NULL, "parent_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_81cb11819ad5441cf0e0b3643e9" PRIMARY KEY ("network_id", "parent_id"))',
    );
    await q.query('CREATE INDEX "ix_network_parents_parent" ON "network_parents" ("parent_id") ');
    await q.query(
      'ALTER TABLE "networks" ADD CONSTRAINT "FK_1a8d8a780b10bf5b11b186e2f83" FOREIGN KEY ("host_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "networks" ADD CONSTRAINT "FK_b6ac9aeacc6d82aefa86ef14f85" FOREIGN KEY ("referent_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_memberships" ADD CONSTRAINT "FK_538e8b5f654409dbe3262329119" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_memberships" ADD CONSTRAINT "FK_c3d1c5a8776ff867f0d2daa4015" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_membership_events" ADD CONSTRAINT "FK_62becb4ef6023557c981f654f91" FOREIGN KEY ("membership_id") REFERENCES "network_memberships"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_membership_events" ADD CONSTRAINT "FK_b60db616ddd01a14216cbebc6a5" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_parents" ADD CONSTRAINT "FK_7dbda0c2af1aa4007fb9a3917bd" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_parents" ADD CONSTRAINT "FK_bcf63688bde38953721c0695a8a" FOREIGN KEY ("parent_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "network_parents" DROP CONSTRAINT "FK_bcf63688bde38953721c0695a8a"');
    await q.query('ALTER TABLE "network_parents" DROP CONSTRAINT "FK_7dbda0c2af1aa4007fb9a3917bd"');
    await q.query('ALTER TABLE "network_membership_events" DROP CONSTRAINT "FK_b60db616ddd01a14216cbebc6a5"');
    await q.query('ALTER TABLE "network_membership_events" DROP CONSTRAINT "FK_62becb4ef6023557c981f654f91"');
    await q.query('ALTER TABLE "network_memberships" DROP CONSTRAINT "FK_c3d1c5a8776ff867f0d2daa4015"');
    await q.query('ALTER TABLE "network_memberships" DROP CONSTRAINT "FK_538e8b5f654409dbe3262329119"');
    await q.query('ALTER TABLE "networks" DROP CONSTRAINT "FK_b6ac9aeacc6d82aefa86ef14f85"');
    await q.query('ALTER TABLE "networks" DROP CONSTRAINT "FK_1a8d8a780b10bf5b11b186e2f83"');
    await q.query('DROP INDEX "public"."ix_network_parents_parent"');
    await q.query('DROP TABLE "network_parents"');
    await q.query('DROP INDEX "public"."ix_network_membership_events_membership"');
    await q.query('DROP TABLE "network_membership_events"');
    await q.query('DROP INDEX "public"."uq_network_memberships"');
    await q.query('DROP INDEX "public"."ix_network_memberships_company"');
    await q.query('DROP TABLE "network_memberships"');
    await q.query('DROP INDEX "public"."ix_networks_host"');
    await q.query('DROP INDEX "public"."ix_networks_type"');
    await q.query('DROP INDEX "public"."uq_networks_slug"');
    await q.query('DROP TABLE "networks"');
  }
}
