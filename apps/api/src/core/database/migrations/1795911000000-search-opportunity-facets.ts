import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The opportunity facets of the PostgreSQL engine: type, and deadline (counted by window from the query's day).
 * Opportunities indexed before are queued in the search outbox, so the relay fills the new columns.
 */
export class SearchOpportunityFacets1795911000000 implements MigrationInterface {
  name = 'SearchOpportunityFacets1795911000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "search_index" ADD "opportunity_type" character varying(32)');
    await q.query('ALTER TABLE "search_index" ADD "deadline" date');
    await q.query("INSERT INTO search_outbox (kind, entity_id, priority) SELECT kind, id, 1 FROM search_index WHERE kind = 'opportunity'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "search_index" DROP COLUMN "deadline"');
    await q.query('ALTER TABLE "search_index" DROP COLUMN "opportunity_type"');
  }
}
