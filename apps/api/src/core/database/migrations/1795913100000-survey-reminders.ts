import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Scheduled survey reminders: the days before closing chosen by the owners, and who got each one (at most once). */
export class SurveyReminders1795913100000 implements MigrationInterface {
  name = 'SurveyReminders1795913100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "surveys" ADD "reminder_days" smallint array NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE "survey_scheduled_reminders" (
      "survey_id" uuid NOT NULL, "days_before" smallint NOT NULL, "person_id" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_survey_scheduled_reminders" PRIMARY KEY ("survey_id", "days_before", "person_id"),
      CONSTRAINT "FK_survey_scheduled_reminders_survey" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_survey_scheduled_reminders_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_survey_scheduled_reminders_person" ON "survey_scheduled_reminders" ("person_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "survey_scheduled_reminders"');
    await q.query('ALTER TABLE "surveys" DROP COLUMN "reminder_days"');
  }
}
