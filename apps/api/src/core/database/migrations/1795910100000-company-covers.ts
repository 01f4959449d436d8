import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A company's cover image, shown across the top of its page (owned by the companies module; null: a drawn default). */
export class CompanyCovers1795910100000 implements MigrationInterface {
  name = 'CompanyCovers1795910100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "companies" ADD "cover_file_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "companies" DROP COLUMN "cover_file_id"');
  }
}
