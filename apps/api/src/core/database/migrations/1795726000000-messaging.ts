import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Messaging: conversations, participants with read receipts, numbered messages, reactions, attachments, blocks. */
export class Messaging1795726000000 implements MigrationInterface {
  name = 'Messaging1795726000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(8) NOT NULL, "title" character varying(120), "direct_key" character varying(73), "created_by_id" uuid, "last_seq" bigint NOT NULL DEFAULT \'0\', "last_message_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_conversations_direct_key" ON "conversations" ("direct_key") ');
    await q.query(
      'CREATE TABLE "conversation_participants" ("conversation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" character varying(8) NOT NULL DEFAULT \'member\', "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "left_at" TIMESTAMP WITH TIME ZONE, "last_read_seq" bigint NOT NULL DEFAULT \'0\', "muted" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_8aca4a3aff419a5f47df21f72de" PRIMARY KEY ("conversation_id", "person_id"))',
    );
    await q.query('CREATE INDEX "ix_conversation_participants_person" ON "conversation_participants" ("person_id") ');
    await q.query(
      'CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "seq" bigint NOT NULL, "sender_id" uuid, "client_id" uuid NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_messages_sender" ON "messages" ("sender_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_messages_client_id" ON "messages" ("conversation_id", "sender_id", "client_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_messages_conversation_seq" ON "messages" ("conversation_id", "seq") ');
    await q.query(
      'CREATE TABLE "message_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "message_id" uuid, "file_id" uuid NOT NULL, "uploader_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e5085d973567c61e9306f10f95b" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_message_attachments_message" ON "message_attachments" ("message_id") ');
    await q.query(
      'CREATE TABLE "message_reactions" ("message_id" uuid NOT NULL, "person_id" uuid NOT NULL, "reaction" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_655116e8f15087ad026aa8c53f2" PRIMARY KEY ("message_id", "person_id", "reaction"))',
    );
    await q.query(
      'CREATE TABLE "person_blocks" ("blocker_id" uuid NOT NULL, "blocked_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0eaf4ce6545825f7c5026d54e53" PRIMARY KEY ("blocker_id", "blocked_id"))',
    );
    await q.query('CREATE INDEX "ix_person_blocks_blocked" ON "person_blocks" ("blocked_id") ');
    await q.query(
      'ALTER TABLE "conversations" ADD CONSTRAINT "FK_6e93e2251a9baafc3d56bfdded0" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_1559e8a16b828f2e836a2312800" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_07c084542308e0dab023ed2416e" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "messages" ADD CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "messages" ADD CONSTRAINT "FK_22133395bd13b970ccd0c34ab22" FOREIGN KEY ("sender_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "message_attachments" ADD CONSTRAINT "FK_143a1a8c3bfa636912b10f6e886" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "message_attachments" ADD CONSTRAINT "FK_bf65c3db8657cef6197b68b8c88" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "message_attachments" ADD CONSTRAINT "FK_8b66fb69a696854d5ff08ae6e2d" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "message_attachments" ADD CONSTRAINT "FK_4014c2d4cd60256ed3b7fb33690" FOREIGN KEY ("uploader_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "message_reactions" ADD CONSTRAINT "FK_ce61e365d81a9dfc15cd36513b0" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "message_reactions" ADD CONSTRAINT "FK_bc0fd83030984074238e5419794" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "person_blocks" ADD CONSTRAINT "FK_d8c14d73ca7b7a3af8554c6115c" FOREIGN KEY ("blocker_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "person_blocks" ADD CONSTRAINT "FK_a7588d947fdacda7a7a31a08e16" FOREIGN KEY ("blocked_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "person_blocks"');
    await q.query('DROP TABLE "message_reactions"');
    await q.query('DROP TABLE "message_attachments"');
    await q.query('DROP TABLE "messages"');
    await q.query('DROP TABLE "conversation_participants"');
    await q.query('DROP TABLE "conversations"');
  }
}
