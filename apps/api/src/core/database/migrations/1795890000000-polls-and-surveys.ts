import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Polls of forum topics (modules/polls) and questionnaires (modules/surveys). */
export class PollsAndSurveys1795890000000 implements MigrationInterface {
  name = 'PollsAndSurveys1795890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "polls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid NOT NULL, "author_id" uuid, "question" character varying(300) NOT NULL, "multiple" boolean NOT NULL DEFAULT false, "results_visibility" character varying(16) NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c17dc628cc0d9fecb419b3e4a0a" UNIQUE ("topic_id"), CONSTRAINT "PK_b9bbb8fc7b142553c518ddffbb6" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "poll_options" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "position" smallint NOT NULL, "label" character varying(200) NOT NULL, CONSTRAINT "PK_f52aac4865d291e3658dedf9083" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_poll_options_poll" ON "poll_options" ("poll_id", "position") ');
    await q.query(
      'CREATE TABLE "poll_votes" ("poll_id" uuid NOT NULL, "person_id" uuid NOT NULL, "option_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5913c49f0f06aa7e2655904fd1f" PRIMARY KEY ("poll_id", "person_id", "option_id"))',
    );
    await q.query('CREATE INDEX "ix_poll_votes_option" ON "poll_votes" ("option_id") ');
    await q.query(
      'CREATE TABLE "surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "intro" text, "status" character varying(16) NOT NULL DEFAULT \'draft\', "closes_at" TIMESTAMP WITH TIME ZONE, "answer_per" character varying(8) NOT NULL, "audience_kind" character varying(16) NOT NULL, "organization_id" uuid, "departement_codes" text array NOT NULL DEFAULT \'{}\', "commune_codes" text array NOT NULL DEFAULT \'{}\', "results_shared" boolean NOT NULL DEFAULT false, "author_id" uuid, "sent_at" TIMESTAMP WITH TIME ZONE, "last_reminded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b5e3d4aaeb2321ffa98498c971" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_surveys_author" ON "surveys" ("author_id") ');
    await q.query(
      'CREATE TABLE "survey_networks" ("survey_id" uuid NOT NULL, "network_id" uuid NOT NULL, CONSTRAINT "PK_22a18e033eba2ecafe0f2599883" PRIMARY KEY ("survey_id", "network_id"))',
    );
    await q.query('CREATE INDEX "ix_survey_networks_network" ON "survey_networks" ("network_id") ');
    await q.query(
      'CREATE TABLE "survey_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "position" smallint NOT NULL, "kind" character varying(16) NOT NULL, "label" character varying(300) NOT NULL, "required" boolean NOT NULL DEFAULT false, "choices" jsonb NOT NULL DEFAULT \'[]\', CONSTRAINT "PK_131815624efb0f0e15a220102de" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_survey_questions_survey" ON "survey_questions" ("survey_id", "position") ');
    await q.query(
      'CREATE TABLE "survey_recipients" ("survey_id" uuid NOT NULL, "person_id" uuid NOT NULL, "company_id" uuid NOT NULL, "reminded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a4f008a8b5aae4dfa638091f5d" PRIMARY KEY ("survey_id", "person_id", "company_id"))',
    );
    await q.query('CREATE INDEX "ix_survey_recipients_person" ON "survey_recipients" ("person_id") ');
    await q.query(
      'CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "respondent_key" character varying(48) NOT NULL, "person_id" uuid, "company_id" uuid, "answers" jsonb NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_349995c51959d139d8e485a58ea" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "ux_survey_responses_respondent" ON "survey_responses" ("survey_id", "respondent_key") ');
    await q.query(
      'ALTER TABLE "polls" ADD CONSTRAINT "FK_c17dc628cc0d9fecb419b3e4a0a" FOREIGN KEY ("topic_id") REFERENCES "forum_topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "polls" ADD CONSTRAINT "FK_cbaa9d73b247188cbacaa53c0cb" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "poll_options" ADD CONSTRAINT "FK_c00cc693afceae746fa82c0a558" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "poll_votes" ADD CONSTRAINT "FK_ba03ab00c027c6499e7ddc73404" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "poll_votes" ADD CONSTRAINT "FK_ef419bcd6cded931faf603d60e3" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "poll_votes" ADD CONSTRAINT "FK_433367a9fe86d90e66637310b65" FOREIGN KEY ("option_id") REFERENCES "poll_options"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "surveys" ADD CONSTRAINT "FK_6b1ed822f60af23e117e262054b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "surveys" ADD CONSTRAINT "FK_a041971f4ea8740fbe6924630c0" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_networks" ADD CONSTRAINT "FK_4d94cd1d6fec6261c28a1cb40cb" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_networks" ADD CONSTRAINT "FK_b735866e02d57f9e2c018b9e6ee" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_questions" ADD CONSTRAINT "FK_895ad6ec351b200c52c8d1ec099" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_recipients" ADD CONSTRAINT "FK_61f24bc469b4eb8b28b933561d7" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_recipients" ADD CONSTRAINT "FK_70d858cb8aedf60c6bef9020469" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_recipients" ADD CONSTRAINT "FK_3e3a39b80f71f77db35c87993e2" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_2b4e3f83ce0b4a0d7617ac0cd44" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_dfc9026b61abc927f15a19d9d1d" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_f9a13da242ff2d9d56a7573eb55" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_f9a13da242ff2d9d56a7573eb55"');
    await q.query('ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_dfc9026b61abc927f15a19d9d1d"');
    await q.query('ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_2b4e3f83ce0b4a0d7617ac0cd44"');
    await q.query('ALTER TABLE "survey_recipients" DROP CONSTRAINT "FK_3e3a39b80f71f77db35c87993e2"');
    await q.query('ALTER TABLE "survey_recipients" DROP CONSTRAINT "FK_70d858cb8aedf60c6bef9020469"');
    await q.query('ALTER TABLE "survey_recipients" DROP CONSTRAINT "FK_61f24bc469b4eb8b28b933561d7"');
    await q.query('ALTER TABLE "survey_questions" DROP CONSTRAINT "FK_895ad6ec351b200c52c8d1ec099"');
    await q.query('ALTER TABLE "survey_networks" DROP CONSTRAINT "FK_b735866e02d57f9e2c018b9e6ee"');
    await q.query('ALTER TABLE "survey_networks" DROP CONSTRAINT "FK_4d94cd1d6fec6261c28a1cb40cb"');
    await q.query('ALTER TABLE "surveys" DROP CONSTRAINT "FK_a041971f4ea8740fbe6924630c0"');
    await q.query('ALTER TABLE "surveys" DROP CONSTRAINT "FK_6b1ed822f60af23e117e262054b"');
    await q.query('ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_433367a9fe86d90e66637310b65"');
    await q.query('ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_ef419bcd6cded931faf603d60e3"');
    await q.query('ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_ba03ab00c027c6499e7ddc73404"');
    await q.query('ALTER TABLE "poll_options" DROP CONSTRAINT "FK_c00cc693afceae746fa82c0a558"');
    await q.query('ALTER TABLE "polls" DROP CONSTRAINT "FK_cbaa9d73b247188cbacaa53c0cb"');
    await q.query('ALTER TABLE "polls" DROP CONSTRAINT "FK_c17dc628cc0d9fecb419b3e4a0a"');
    await q.query('DROP INDEX "public"."ux_survey_responses_respondent"');
    await q.query('DROP TABLE "survey_responses"');
    await q.query('DROP INDEX "public"."ix_survey_recipients_person"');
    await q.query('DROP TABLE "survey_recipients"');
    await q.query('DROP INDEX "public"."ix_survey_questions_survey"');
    await q.query('DROP TABLE "survey_questions"');
    await q.query('DROP INDEX "public"."ix_survey_networks_network"');
    await q.query('DROP TABLE "survey_networks"');
    await q.query('DROP INDEX "public"."ix_surveys_author"');
    await q.query('DROP TABLE "surveys"');
    await q.query('DROP INDEX "public"."ix_poll_votes_option"');
    await q.query('DROP TABLE "poll_votes"');
    await q.query('DROP INDEX "public"."ix_poll_options_poll"');
    await q.query('DROP TABLE "poll_options"');
    await q.query('DROP TABLE "polls"');
  }
}
