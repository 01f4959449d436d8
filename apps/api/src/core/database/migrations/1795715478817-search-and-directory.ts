import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchAndDirectory1795715478817 implements MigrationInterface {
  name = 'SearchAndDirectory1795715478817';

  async up(q: QueryRunner): Promise<void> {
    // French full text without accents: a copy of 'french' with unaccent before the stemmer.
    await q.query('CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french)');
    await q.query('ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem');
    await q.query(
      'CREATE TABLE "search_documents" ("kind" character varying(16) NOT NULL, "id" uuid NOT NULL, "visibility" character varying(16) NOT NULL DEFAULT \'public\', "audience" text array NOT NULL DEFAULT \'{}\', "title" text NOT NULL, "keywords" text NOT NULL DEFAULT \'\', "body" text NOT NULL DEFAULT \'\', "folded" text NOT NULL DEFAULT \'\', "tsv" tsvector, "naf_code" character varying(6), "naf_section" character varying(1), "naf_division" character varying(2), "departement_code" character varying(3), "region_code" character varying(3), "epci_code" character varying(9), "commune_code" character varying(5), "headcount_band" character varying(2), "network_ids" uuid array NOT NULL DEFAULT \'{}\', "lat" double precision, "lng" double precision, "payload" jsonb NOT NULL DEFAULT \'{}\', "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c47a009faccfd16f2c453247283" PRIMARY KEY ("kind", "id"))',
    );
    await q.query('CREATE INDEX "ix_search_documents_naf" ON "search_documents" ("naf_code") ');
    await q.query('CREATE INDEX "ix_search_documents_departement" ON "search_documents" ("departement_code") ');
    await q.query('CREATE INDEX "ix_search_documents_geo" ON "search_documents" ("lat", "lng") ');
    await q.query('CREATE TABLE "search_terms" ("term" text NOT NULL, CONSTRAINT "PK_5dbe64fd530c2350fd868bf6460" PRIMARY KEY ("term"))');
    await q.query(
      'CREATE TABLE "search_outbox" ("id" BIGSERIAL NOT NULL, "kind" character varying(16) NOT NULL, "entity_id" uuid NOT NULL, "priority" smallint NOT NULL DEFAULT \'1\', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f0e10017d6287176243c2926453" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_search_outbox_due" ON "search_outbox" ("priority", "due_at") ');
    await q.query(
      'CREATE TABLE "company_offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "label" character varying(200) NOT NULL, "description" text, "naf_codes" character varying(6) array NOT NULL DEFAULT \'{}\', "skills" text array NOT NULL DEFAULT \'{}\', "commune_codes" character varying(5) array NOT NULL DEFAULT \'{}\', "departement_codes" character varying(3) array NOT NULL DEFAULT \'{}\', "region_codes" character varying(3) array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d735ed0b7078e694d234f9ef02" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_company_offers_company" ON "company_offers" ("company_id") ');
    // Written by hand (TypeORM cannot express them; the entities mark them synchronize: false).
    await q.query('CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)');
    await q.query('CREATE INDEX ix_search_terms_trgm ON search_terms USING gin (term gin_trgm_ops)');
    await q.query('CREATE INDEX ix_company_offers_naf_codes ON company_offers USING gin (naf_codes)');
    await q.query('CREATE INDEX ix_company_offers_skills ON company_offers USING gin (skills)');
    await q.query(
      'ALTER TABLE "company_offers" ADD CONSTRAINT "FK_de80753d23f97298370dbe7cb72" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS ix_company_offers_skills');
    await q.query('DROP INDEX IF EXISTS ix_company_offers_naf_codes');
    await q.query('DROP INDEX IF EXISTS ix_search_terms_trgm');
    await q.query('DROP INDEX IF EXISTS ix_search_documents_tsv');
    await q.query('ALTER TABLE "company_offers" DROP CONSTRAINT "FK_de80753d23f97298370dbe7cb72"');
    await q.query('DROP INDEX "public"."ix_company_offers_company"');
    await q.query('DROP TABLE "company_offers"');
    await q.query('DROP INDEX "public"."ix_search_outbox_due"');
    await q.query('DROP TABLE "search_outbox"');
    await q.query('DROP TABLE "search_terms"');
    await q.query('DROP INDEX "public"."ix_search_documents_geo"');
    await q.query('DROP INDEX "public"."ix_search_documents_departement"');
    await q.query('DROP INDEX "public"."ix_search_documents_naf"');
    await q.query('DROP TABLE "search_documents"');
    await q.query('DROP TEXT SEARCH CONFIGURATION IF EXISTS fr_unaccent');
  }
}
