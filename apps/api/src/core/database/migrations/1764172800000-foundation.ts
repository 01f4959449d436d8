import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764172800000 implements MigrationInterface {
  name = 'Foundation1764172800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  }

  async down(): Promise<void> {}
}
