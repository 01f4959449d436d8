import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Forums1795722332859 implements MigrationInterface {
  name = 'Forums1795722332859';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "forum_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "name" character varying(80) NOT NULL, "description" text, "position" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_502afa07fc57ce4b302dc00217e" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_forum_categories_network" ON "forum_categories" ("network_id", "position") ');
    await q.query(
      'CREATE TABLE "forum_topics" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "category_id" uuid NOT NULL, "author_id" uuid, "title" character varying(200) NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "locked" boolean NOT NULL DEFAULT false, "solved_post_id" uuid, "post_count" integer NOT NULL DEFAULT \'0\', "last_sequence" integer NOT NULL DEFAULT \'0\', "last_post_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_post_author_id" uuid, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c3cfc62a16863804757504742b4" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_forum_topics_category" ON "forum_topics" ("category_id") ');
    await q.query('CREATE INDEX "ix_forum_topics_network_list" ON "forum_topics" ("network_id", "pinned", "last_post_at") ');
    await q.query(
      'CREATE TABLE "forum_topic_shares" ("topic_id" uuid NOT NULL, "network_id" uuid NOT NULL, "shared_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76cb11edee7816f72048da5c8ea" PRIMARY KEY ("topic_id", "network_id"))',
    );
    await q.query('CREATE INDEX "ix_forum_topic_shares_network" ON "forum_topic_shares" ("network_id") ');
    await q.query(
      'CREATE TABLE "forum_topic_reads" ("topic_id" uuid NOT NULL, "person_id" uuid NOT NULL, "last_read_sequence" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_65961bff21d140d5e9b28e21024" PRIMARY KEY ("topic_id", "person_id"))',
    );
    await q.query('CREATE INDEX "ix_forum_topic_reads_person" ON "forum_topic_reads" ("person_id") ');
    await q.query(
      'CREATE TABLE "forum_topic_follows" ("topic_id" uuid NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b6162e5701a56fc2d5ad46ad8c" PRIMARY KEY ("topic_id", "person_id"))',
    );
    await q.query('CREATE INDEX "ix_forum_topic_follows_person" ON "forum_topic_follows" ("person_id") ');
    await q.query(
      'CREATE TABLE "forum_posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid NOT NULL, "sequence" integer NOT NULL, "author_id" uuid, "body" text NOT NULL, "html" text NOT NULL, "quote_post_id" uuid, "edited_at" TIMESTAMP WITH TIME ZONE, "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_by" uuid, "hidden_reason" character varying(500), "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3e9c301114a0fd42c998681b04e" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_forum_posts_author" ON "forum_posts" ("author_id") ');
    await q.query('CREATE INDEX "ix_forum_posts_created" ON "forum_posts" ("created_at") ');
    await q.query('CREATE UNIQUE INDEX "uq_forum_posts_sequence" ON "forum_posts" ("topic_id", "sequence") ');
    await q.query(
      'CREATE TABLE "forum_reactions" ("post_id" uuid NOT NULL, "person_id" uuid NOT NULL, "reaction" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea66a735d10d44b0d5e89135423" PRIMARY KEY ("post_id", "person_id", "reaction"))',
    );
    await q.query(
      'CREATE TABLE "forum_post_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "editor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_324fe7c4ef9fae3c35f6824aff9" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_forum_post_revisions_post" ON "forum_post_revisions" ("post_id") ');
    await q.query(
      'CREATE TABLE "forum_mentions" ("post_id" uuid NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_75eca70e30b1f5a8aa8b6aac668" PRIMARY KEY ("post_id", "person_id"))',
    );
    await q.query('CREATE INDEX "ix_forum_mentions_person" ON "forum_mentions" ("person_id") ');
    await q.query(
      'CREATE TABLE "forum_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "post_id" uuid, "file_id" uuid NOT NULL, "uploader_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7cdc83e39810b4ba4686567f76" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_forum_attachments_post" ON "forum_attachments" ("post_id") ');
    await q.query('CREATE INDEX "ix_forum_attachments_uploader" ON "forum_attachments" ("uploader_id") ');
    await q.query(
      'ALTER TABLE "forum_categories" ADD CONSTRAINT "FK_2e1a3433f0376a653e882bb521e" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topics" ADD CONSTRAINT "FK_3166e17cd88de3970eea28f319b" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topics" ADD CONSTRAINT "FK_8aa26854fe49304aff26d465e8f" FOREIGN KEY ("category_id") REFERENCES "forum_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topics" ADD CONSTRAINT "FK_50bd3aedee473d6d6ef26353a7a" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topic_shares" ADD CONSTRAINT "FK_f4c778b951020fffd8d3151cf2f" FOREIGN KEY ("topic_id") REFERENCES "forum_topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topic_shares" ADD CONSTRAINT "FK_ecfdeb89338d5595de9a1d931cf" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topic_reads" ADD CONSTRAINT "FK_22880c4b59f3a91e6f1dbd4ec1a" FOREIGN KEY ("topic_id") REFERENCES "forum_topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topic_reads" ADD CONSTRAINT "FK_6bfb5e496103c833faec95fb618" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topic_follows" ADD CONSTRAINT "FK_2c5878eb555c78d282f17d0a11b" FOREIGN KEY ("topic_id") REFERENCES "forum_topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_topic_follows" ADD CONSTRAINT "FK_ac6b0874c7b225cbe2c5af66a8a" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_posts" ADD CONSTRAINT "FK_726d764fd28c8991dda5c1edbb0" FOREIGN KEY ("topic_id") REFERENCES "forum_topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_posts" ADD CONSTRAINT "FK_141ee222adc1090094e49486a00" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_reactions" ADD CONSTRAINT "FK_e9bd01ca463335fa1f8b2b5a8af" FOREIGN KEY ("post_id") REFERENCES "forum_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_reactions" ADD CONSTRAINT "FK_62688ae2276a1c1cbaea3c8e6a6" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_post_revisions" ADD CONSTRAINT "FK_6d1c632673ef834b34f157a137c" FOREIGN KEY ("post_id") REFERENCES "forum_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_mentions" ADD CONSTRAINT "FK_6d5fdacaeda15b48b4667820343" FOREIGN KEY ("post_id") REFERENCES "forum_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_mentions" ADD CONSTRAINT "FK_fe9c6ef8fcf53405551cd61f84c" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_attachments" ADD CONSTRAINT "FK_98a854dd6a3aedc6d29bb0619ae" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_attachments" ADD CONSTRAINT "FK_b37f9bb1de8998d07ce2fe3b998" FOREIGN KEY ("post_id") REFERENCES "forum_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_attachments" ADD CONSTRAINT "FK_95244dbd3f7d09455e80226f50e" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "forum_attachments" ADD CONSTRAINT "FK_1d7bc4b86265fd237b387f1fa80" FOREIGN KEY ("uploader_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "forum_attachments" DROP CONSTRAINT "FK_1d7bc4b86265fd237b387f1fa80"');
    await q.query('ALTER TABLE "forum_attachments" DROP CONSTRAINT "FK_95244dbd3f7d09455e80226f50e"');
    await q.query('ALTER TABLE "forum_attachments" DROP CONSTRAINT "FK_b37f9bb1de8998d07ce2fe3b998"');
    await q.query('ALTER TABLE "forum_attachments" DROP CONSTRAINT "FK_98a854dd6a3aedc6d29bb0619ae"');
    await q.query('ALTER TABLE "forum_mentions" DROP CONSTRAINT "FK_fe9c6ef8fcf53405551cd61f84c"');
    await q.query('ALTER TABLE "forum_mentions" DROP CONSTRAINT "FK_6d5fdacaeda15b48b4667820343"');
    await q.query('ALTER TABLE "forum_post_revisions" DROP CONSTRAINT "FK_6d1c632673ef834b34f157a137c"');
    await q.query('ALTER TABLE "forum_reactions" DROP CONSTRAINT "FK_62688ae2276a1c1cbaea3c8e6a6"');
    await q.query('ALTER TABLE "forum_reactions" DROP CONSTRAINT "FK_e9bd01ca463335fa1f8b2b5a8af"');
    await q.query('ALTER TABLE "forum_posts" DROP CONSTRAINT "FK_141ee222adc1090094e49486a00"');
    await q.query('ALTER TABLE "forum_posts" DROP CONSTRAINT "FK_726d764fd28c8991dda5c1edbb0"');
    await q.query('ALTER TABLE "forum_topic_follows" DROP CONSTRAINT "FK_ac6b0874c7b225cbe2c5af66a8a"');
    await q.query('ALTER TABLE "forum_topic_follows" DROP CONSTRAINT "FK_2c5878eb555c78d282f17d0a11b"');
    await q.query('ALTER TABLE "forum_topic_reads" DROP CONSTRAINT "FK_6bfb5e496103c833faec95fb618"');
    await q.query('ALTER TABLE "forum_topic_reads" DROP CONSTRAINT "FK_22880c4b59f3a91e6f1dbd4ec1a"');
    await q.query('ALTER TABLE "forum_topic_shares" DROP CONSTRAINT "FK_ecfdeb89338d5595de9a1d931cf"');
    await q.query('ALTER TABLE "forum_topic_shares" DROP CONSTRAINT "FK_f4c778b951020fffd8d3151cf2f"');
    await q.query('ALTER TABLE "forum_topics" DROP CONSTRAINT "FK_50bd3aedee473d6d6ef26353a7a"');
    await q.query('ALTER TABLE "forum_topics" DROP CONSTRAINT "FK_8aa26854fe49304aff26d465e8f"');
    await q.query('ALTER TABLE "forum_topics" DROP CONSTRAINT "FK_3166e17cd88de3970eea28f319b"');
    await q.query('ALTER TABLE "forum_categories" DROP CONSTRAINT "FK_2e1a3433f0376a653e882bb521e"');
    await q.query('DROP INDEX "public"."ix_forum_attachments_uploader"');
    await q.query('DROP INDEX "public"."ix_forum_attachments_post"');
    await q.query('DROP TABLE "forum_attachments"');
    await q.query('DROP INDEX "public"."ix_forum_mentions_person"');
    await q.query('DROP TABLE "forum_mentions"');
    await q.query('DROP INDEX "public"."ix_forum_post_revisions_post"');
    await q.query('DROP TABLE "forum_post_revisions"');
    await q.query('DROP TABLE "forum_reactions"');
    await q.query('DROP INDEX "public"."uq_forum_posts_sequence"');
    await q.query('DROP INDEX "public"."ix_forum_posts_created"');
    await q.query('DROP INDEX "public"."ix_forum_posts_author"');
    await q.query('DROP TABLE "forum_posts"');
    await q.query('DROP INDEX "public"."ix_forum_topic_follows_person"');
    await q.query('DROP TABLE "forum_topic_follows"');
    await q.query('DROP INDEX "public"."ix_forum_topic_reads_person"');
    await q.query('DROP TABLE "forum_topic_reads"');
    await q.query('DROP INDEX "public"."ix_forum_topic_shares_network"');
    await q.query('DROP TABLE "forum_topic_shares"');
    await q.query('DROP INDEX "public"."ix_forum_topics_network_list"');
    await q.query('DROP INDEX "public"."ix_forum_topics_category"');
    await q.query('DROP TABLE "forum_topics"');
    await q.query('DROP INDEX "public"."ix_forum_categories_network"');
    await q.query('DROP TABLE "forum_categories"');
  }
}
