import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The standing of a person in a network, defined once by the networks module (which owns memberships) so that the
 * access policy, forums, search and the rest read it instead of repeating the join: plain views, which PostgreSQL
 * inlines into each statement (same plans as the join written out).
 */
export class NetworkStanding1795915000000 implements MigrationInterface {
  name = 'NetworkStanding1795915000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per person of a company that holds a membership (any status) in a network.
    await q.query(`CREATE VIEW "network_member_people" AS
      SELECT m.network_id, cm.person_id, m.company_id, m.role, m.status, m.id AS membership_id, m.created_at, cm.role AS company_role
      FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id`);
    // One row per staff member of the organisation hosting a network.
    await q.query(`CREATE VIEW "network_host_staff" AS
      SELECT n.id AS network_id, s.person_id, s.role
      FROM networks n JOIN organization_staff s ON s.organization_id = n.host_organization_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW "network_host_staff"');
    await q.query('DROP VIEW "network_member_people"');
  }
}
