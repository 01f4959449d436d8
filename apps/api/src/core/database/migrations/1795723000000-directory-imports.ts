import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryImports1795723000000 implements MigrationInterface {
  name = 'DirectoryImports1795723000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "directory_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" character varying(16) NOT NULL, "active" boolean, "file_name" character varying(200) NOT NULL, "bytes_total" bigint NOT NULL DEFAULT \'0\', "bytes_read" bigint NOT NULL DEFAULT \'0\', "lines_read" integer NOT NULL DEFAULT \'0\', "imported" integer NOT NULL DEFAULT \'0\', "created" integer NOT NULL DEFAULT \'0\', "updated" integer NOT NULL DEFAULT \'0\', "skipped_closed" integer NOT NULL DEFAULT \'0\', "rejected_count" integer NOT NULL DEFAULT \'0\', "rejected" jsonb NOT NULL DEFAULT \'[]\', "error" text, "started_by_id" uuid, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a265aedf355380c47fe57c51e37" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_directory_imports_active" ON "directory_imports" ("active") ');
    await q.query(
      'ALTER TABLE "directory_imports" ADD CONSTRAINT "FK_ae0d51f69483fbe8384c6abe7b4" FOREIGN KEY ("started_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "directory_imports" DROP CONSTRAINT "FK_ae0d51f69483fbe8384c6abe7b4"');
    await q.query('DROP INDEX "public"."uq_directory_imports_active"');
    await q.query('DROP TABLE "directory_imports"');
  }
}
