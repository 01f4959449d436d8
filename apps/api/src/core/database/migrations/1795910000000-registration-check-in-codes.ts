import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each registration's check-in code (shown as a QR code to its holder, scanned by the organisers): 16 random hex
 * characters (64 bits), unguessable and short enough to type. The default draws a new one for every row, existing
 * rows included (a volatile default is evaluated per row), and for every insert path (the seed too). Owned by agenda.
 */
export class RegistrationCheckInCodes1795910000000 implements MigrationInterface {
  name = 'RegistrationCheckInCodes1795910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agenda_registrations" ADD "check_in_code" character varying(16) NOT NULL
      DEFAULT upper(substr(md5(gen_random_uuid()::text || clock_timestamp()::text), 1, 16))`);
    await q.query('CREATE UNIQUE INDEX "uq_agenda_registrations_check_in_code" ON "agenda_registrations" ("check_in_code")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "uq_agenda_registrations_check_in_code"');
    await q.query('ALTER TABLE "agenda_registrations" DROP COLUMN "check_in_code"');
  }
}
