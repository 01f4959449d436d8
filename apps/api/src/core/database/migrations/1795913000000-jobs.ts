import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The job runner's two tables: queued jobs (claimed with a lease) and the periodic jobs' shared schedule (one replica at a time). */
export class Jobs1795913000000 implements MigrationInterface {
  name = 'Jobs1795913000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "jobs" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" varchar(100) NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}',
      "status" varchar(16) NOT NULL DEFAULT 'pending', "run_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "attempts" integer NOT NULL DEFAULT 0, "max_attempts" integer NOT NULL DEFAULT 5, "lease_until" TIMESTAMP WITH TIME ZONE,
      "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_jobs" PRIMARY KEY ("id"), CONSTRAINT "CHK_jobs_status" CHECK ("status" IN ('pending', 'running', 'failed')))`);
    await q.query(`CREATE INDEX "IDX_jobs_due" ON "jobs" ("run_at") WHERE "status" <> 'failed'`);
    await q.query(`CREATE TABLE "job_schedules" (
      "name" varchar(100) NOT NULL, "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE,
      "last_run_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_job_schedules" PRIMARY KEY ("name"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "job_schedules"');
    await q.query('DROP TABLE "jobs"');
  }
}
