import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A response's private question thread: the messaging conversation the publisher opened with the responder. */
export class OpportunityThreads1795905100000 implements MigrationInterface {
  name = 'OpportunityThreads1795905100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "opportunity_responses" ADD "thread_conversation_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "opportunity_responses" DROP COLUMN "thread_conversation_id"');
  }
}
