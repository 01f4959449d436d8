import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL engine matches words in each process's memory (core/search/word-index.ts), from the
 * tsvectors PostgreSQL computes: their GIN indexes are no longer read and only slowed every write.
 */
export class SearchWordsInMemory1795730000000 implements MigrationInterface {
  name = 'SearchWordsInMemory1795730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS ix_search_index_tsv');
    await q.query('DROP INDEX IF EXISTS ix_search_index_tsv_head');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv)');
    await q.query('CREATE INDEX ix_search_index_tsv_head ON search_index USING gin (tsv_head)');
  }
}
