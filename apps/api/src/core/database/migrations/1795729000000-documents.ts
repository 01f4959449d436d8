import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Document libraries: folders (animators-only, soft delete), documents (soft delete) and their versions. */
export class Documents1795729000000 implements MigrationInterface {
  name = 'Documents1795729000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "document_folders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "parent_id" uuid, "name" character varying(120) NOT NULL, "animators_only" boolean NOT NULL DEFAULT false, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0307e252e6c13b4ff3ade731523" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_document_folders_parent" ON "document_folders" ("network_id", "parent_id") ');
    await q.query(
      'CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "folder_id" uuid, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT \'\', "current_version" integer NOT NULL DEFAULT \'0\', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_documents_folder" ON "documents" ("network_id", "folder_id") ');
    await q.query(
      'CREATE TABLE "document_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "number" integer NOT NULL, "file_id" uuid NOT NULL, "thumbnail_file_id" uuid, "restored_from" integer, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_document_versions_number" UNIQUE ("document_id", "number"), CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id"))',
    );
    await q.query(
      'ALTER TABLE "document_folders" ADD CONSTRAINT "FK_bf9751150610296260297ffd52a" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "document_folders" ADD CONSTRAINT "FK_1d25c051a0a16dc48aae44860d1" FOREIGN KEY ("parent_id") REFERENCES "document_folders"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "document_folders" ADD CONSTRAINT "FK_7f985180f5fee2b3a78e4a7363c" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "documents" ADD CONSTRAINT "FK_5533752e2d677e122a156dc155a" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "documents" ADD CONSTRAINT "FK_e0ccba38ea80d444e2f4614d7cd" FOREIGN KEY ("folder_id") REFERENCES "document_folders"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "documents" ADD CONSTRAINT "FK_7f46f4f77acde1dcedba64cb220" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "document_versions" ADD CONSTRAINT "FK_ac75577bca976d6d581b0f459b6" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "document_versions" ADD CONSTRAINT "FK_e060ea6f133a3818dc64596c5cc" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "document_versions" ADD CONSTRAINT "FK_7b80f7c386fc92bbb39f1e4d9a2" FOREIGN KEY ("thumbnail_file_id") REFERENCES "files"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "document_versions" ADD CONSTRAINT "FK_af1f7dbb40de6a99ec5783f7b2f" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "document_versions" DROP CONSTRAINT "FK_af1f7dbb40de6a99ec5783f7b2f"');
    await q.query('ALTER TABLE "document_versions" DROP CONSTRAINT "FK_7b80f7c386fc92bbb39f1e4d9a2"');
    await q.query('ALTER TABLE "document_versions" DROP CONSTRAINT "FK_e060ea6f133a3818dc64596c5cc"');
    await q.query('ALTER TABLE "document_versions" DROP CONSTRAINT "FK_ac75577bca976d6d581b0f459b6"');
    await q.query('ALTER TABLE "documents" DROP CONSTRAINT "FK_7f46f4f77acde1dcedba64cb220"');
    await q.query('ALTER TABLE "documents" DROP CONSTRAINT "FK_e0ccba38ea80d444e2f4614d7cd"');
    await q.query('ALTER TABLE "documents" DROP CONSTRAINT "FK_5533752e2d677e122a156dc155a"');
    await q.query('ALTER TABLE "document_folders" DROP CONSTRAINT "FK_7f985180f5fee2b3a78e4a7363c"');
    await q.query('ALTER TABLE "document_folders" DROP CONSTRAINT "FK_1d25c051a0a16dc48aae44860d1"');
    await q.query('ALTER TABLE "document_folders" DROP CONSTRAINT "FK_bf9751150610296260297ffd52a"');
    await q.query('DROP TABLE "document_versions"');
    await q.query('DROP INDEX "public"."ix_documents_folder"');
    await q.query('DROP TABLE "documents"');
    await q.query('DROP INDEX "public"."ix_document_folders_parent"');
    await q.query('DROP TABLE "document_folders"');
  }
}
