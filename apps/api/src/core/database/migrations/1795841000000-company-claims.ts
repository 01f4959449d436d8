import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Requests to join a company that already has people (owned by the companies module). */
export class CompanyClaims1795841000000 implements MigrationInterface {
  name = 'CompanyClaims1795841000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "company_claims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "person_id" uuid NOT NULL, "message" text, "status" character varying(16) NOT NULL DEFAULT \'pending\', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a1f74e8e29c7754e929b9a6f967" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_company_claims_company" ON "company_claims" ("company_id") ');
    await q.query(
      'CREATE UNIQUE INDEX "uq_company_claims_pending" ON "company_claims" ("company_id", "person_id") WHERE status = \'pending\'',
    );
    await q.query(
      'ALTER TABLE "company_claims" ADD CONSTRAINT "FK_a1271bedb325623891810fe5f12" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "company_claims" ADD CONSTRAINT "FK_e6c7654773163a74e4c2ea9b0a6" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "company_claims" ADD CONSTRAINT "FK_585a370224da20538b0699f4afe" FOREIGN KEY ("decided_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "company_claims" DROP CONSTRAINT "FK_585a370224da20538b0699f4afe"');
    await q.query('ALTER TABLE "company_claims" DROP CONSTRAINT "FK_e6c7654773163a74e4c2ea9b0a6"');
    await q.query('ALTER TABLE "company_claims" DROP CONSTRAINT "FK_a1271bedb325623891810fe5f12"');
    await q.query('DROP INDEX "public"."uq_company_claims_pending"');
    await q.query('DROP INDEX "public"."ix_company_claims_company"');
    await q.query('DROP TABLE "company_claims"');
  }
}
