import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The addresses networks had before a change of address: old links keep leading to them. */
export class NetworkFormerSlugs1795758908102 implements MigrationInterface {
  name = 'NetworkFormerSlugs1795758908102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "network_former_slugs" ("slug" character varying(120) NOT NULL, "network_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_834646292aad65a31b102d926a3" PRIMARY KEY ("slug"))',
    );
    await q.query('CREATE INDEX "ix_network_former_slugs_network" ON "network_former_slugs" ("network_id") ');
    await q.query(
      'ALTER TABLE "network_former_slugs" ADD CONSTRAINT "FK_eba7b26766c7537fbd2e83cdcb6" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "network_former_slugs" DROP CONSTRAINT "FK_eba7b26766c7537fbd2e83cdcb6"');
    await q.query('DROP INDEX "public"."ix_network_former_slugs_network"');
    await q.query('DROP TABLE "network_former_slugs"');
  }
}
