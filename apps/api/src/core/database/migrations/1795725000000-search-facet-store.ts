import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL engine's narrow index (search_index, words and facet values, loaded by every process's
 * FacetStore) split from the display rows (search_documents). Documents indexed before are queued in
 * the search outbox: the relay rebuilds them after the upgrade (or run `npm run reindex`).
 */
export class SearchFacetStore1795725000000 implements MigrationInterface {
  name = 'SearchFacetStore1795725000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('INSERT INTO search_outbox (kind, entity_id, priority) SELECT kind, id, 1 FROM search_documents');
    await q.query('DROP TABLE search_documents');
    await q.query(
      'CREATE TABLE "search_index" ("ord" SERIAL NOT NULL, "kind" character varying(16) NOT NULL, "id" uuid NOT NULL, "version" bigint NOT NULL DEFAULT \'0\', "visibility" character varying(16) NOT NULL DEFAULT \'public\', "audience" text array NOT NULL DEFAULT \'{}\', "name" text NOT NULL DEFAULT \'\', "tsv" tsvector, "tsv_head" tsvector, "naf_code" character varying(6), "naf_section" character varying(1), "naf_division" character varying(2), "departement_code" character varying(3), "region_code" character varying(3), "epci_code" character varying(9), "commune_code" character varying(5), "headcount_band" character varying(2), "network_type" character varying(32), "maturity" character varying(16), "network_ids" uuid array NOT NULL DEFAULT \'{}\', "lat" double precision, "lng" double precision, CONSTRAINT "PK_303eee40e231b244d8bad25abc2" PRIMARY KEY ("ord"))',
    );
    await q.query('CREATE INDEX "ix_search_index_version" ON "search_index" ("version") ');
    await q.query('CREATE UNIQUE INDEX "ix_search_index_kind_id" ON "search_index" ("kind", "id") ');
    await q.query('CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv)');
    await q.query('CREATE INDEX ix_search_index_tsv_head ON search_index USING gin (tsv_head)');
    // Word lookups are bitmap scans of the GIN index; a parallel sequential scan only looks cheaper to the planner.
    await q.query('ALTER TABLE search_index SET (parallel_workers = 0)');
    await q.query(
      'CREATE TABLE "search_documents" ("ord" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL DEFAULT \'\', "payload" jsonb NOT NULL DEFAULT \'{}\', "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_25ad73fe7580bcb7fc9b446c69d" PRIMARY KEY ("ord"))',
    );
    await q.query(
      'CREATE TABLE "search_state" ("id" smallint NOT NULL, "generation" integer NOT NULL DEFAULT \'0\', "version" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_2750469a98b49efe9b4adbba7e2" PRIMARY KEY ("id"))',
    );
    await q.query('INSERT INTO search_state (id, generation, version) VALUES (1, 1, 0)');
    await q.query(
      'CREATE TABLE "search_tombstones" ("ord" integer NOT NULL, "version" bigint NOT NULL, CONSTRAINT "PK_5b9121b5b4d1573bf1dbf80be06" PRIMARY KEY ("ord"))',
    );
    await q.query('CREATE INDEX "ix_search_tombstones_version" ON "search_tombstones" ("version") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('INSERT INTO search_outbox (kind, entity_id, priority) SELECT kind, id, 1 FROM search_index');
    await q.query('DROP TABLE search_tombstones');
    await q.query('DROP TABLE search_state');
    await q.query('DROP TABLE search_documents');
    await q.query('DROP TABLE search_index');
    await q.query(
      'CREATE TABLE "search_documents" ("kind" character varying(16) NOT NULL, "id" uuid NOT NULL, "visibility" character varying(16) NOT NULL DEFAULT \'public\', "audience" text array NOT NULL DEFAULT \'{}\', "title" text NOT NULL, "keywords" text NOT NULL DEFAULT \'\', "body" text NOT NULL DEFAULT \'\', "folded" text NOT NULL DEFAULT \'\', "tsv" tsvector, "naf_code" character varying(6), "naf_section" character varying(1), "naf_division" character varying(2), "departement_code" character varying(3), "region_code" character varying(3), "epci_code" character varying(9), "commune_code" character varying(5), "headcount_band" character varying(2), "network_ids" uuid array NOT NULL DEFAULT \'{}\', "lat" double precision, "lng" double precision, "payload" jsonb NOT NULL DEFAULT \'{}\', "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c47a009faccfd16f2c453247283" PRIMARY KEY ("kind", "id"))',
    );
    await q.query('CREATE INDEX "ix_search_documents_naf" ON "search_documents" ("naf_code") ');
    await q.query('CREATE INDEX "ix_search_documents_departement" ON "search_documents" ("departement_code") ');
    await q.query('CREATE INDEX "ix_search_documents_geo" ON "search_documents" ("lat", "lng") ');
    await q.query('CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)');
  }
}
