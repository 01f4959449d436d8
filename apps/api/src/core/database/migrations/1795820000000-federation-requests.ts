import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joining a federation becomes a request the parent's managers decide on. Links made before are kept as
 * accepted (they were set by the platform's staff and demo data); new ones start pending.
 */
export class FederationRequests1795820000000 implements MigrationInterface {
  name = 'FederationRequests1795820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "network_parents" ADD "status" character varying(16) NOT NULL DEFAULT \'accepted\'');
    await q.query('ALTER TABLE "network_parents" ALTER COLUMN "status" SET DEFAULT \'pending\'');
    await q.query('ALTER TABLE "network_parents" ADD "requested_by_id" uuid');
    await q.query('ALTER TABLE "network_parents" ADD "decided_by_id" uuid');
    await q.query('ALTER TABLE "network_parents" ADD "decided_at" TIMESTAMP WITH TIME ZONE');
    await q.query(
      'ALTER TABLE "network_parents" ADD CONSTRAINT "FK_08c70a9e83e647f486d5950506e" FOREIGN KEY ("requested_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "network_parents" ADD CONSTRAINT "FK_049917f68102360ed086c965a52" FOREIGN KEY ("decided_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "network_parents" DROP CONSTRAINT "FK_049917f68102360ed086c965a52"');
    await q.query('ALTER TABLE "network_parents" DROP CONSTRAINT "FK_08c70a9e83e647f486d5950506e"');
    await q.query('DELETE FROM "network_parents" WHERE "status" <> \'accepted\'');
    await q.query('ALTER TABLE "network_parents" DROP COLUMN "decided_at"');
    await q.query('ALTER TABLE "network_parents" DROP COLUMN "decided_by_id"');
    await q.query('ALTER TABLE "network_parents" DROP COLUMN "requested_by_id"');
    await q.query('ALTER TABLE "network_parents" DROP COLUMN "status"');
  }
}
