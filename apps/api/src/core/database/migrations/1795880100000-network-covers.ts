import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A network's cover image, shown across the top of its page (owned by the networks module; null: a drawn default). */
export class NetworkCovers1795880100000 implements MigrationInterface {
  name = 'NetworkCovers1795880100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "networks" ADD "cover_file_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "networks" DROP COLUMN "cover_file_id"');
  }
}
