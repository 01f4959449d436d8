import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Opportunity matching reads the nearest companies of some NAF codes from this index alone (no table access). */
export class MatchingIndex1795905000000 implements MigrationInterface {
  name = 'MatchingIndex1795905000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "ix_companies_naf_place" ON "companies" ("naf_code", "lat", "lng", "id") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."ix_companies_naf_place"');
  }
}
