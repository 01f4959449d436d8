/**
 * The networks a person steers, as SQL (id, type, and the relations that give access: host, referent, animator):
 * a network its organisations host or refer, one its company animates, every network for a platform admin.
 * `person` and `admin` are the statement's placeholders for the person's id and for its being a platform admin, so
 * that reads can join it (the cockpit filters, sorts and pages its lines in one statement). No import (it reads
 * the networks module's network_member_people view by name): the steering benchmark runs the same statement with `pg`.
 */
export function steeringScopeSql(person: string, admin: string): string {
  return `WITH orgs AS (SELECT organization_id FROM organization_staff WHERE person_id = ${person}),
            animated AS (SELECT DISTINCT m.network_id FROM network_member_people m
                         WHERE m.person_id = ${person} AND m.status = 'active' AND m.role = 'animator')
       SELECT n.id, n.type, n.host_organization_id IN (SELECT organization_id FROM orgs) AS host,
              coalesce(n.referent_organization_id IN (SELECT organization_id FROM orgs), false) AS referent,
              n.id IN (SELECT network_id FROM animated) AS animator
       FROM networks n
       WHERE (${admin}::boolean OR n.host_organization_id IN (SELECT organization_id FROM orgs)
              OR n.referent_organization_id IN (SELECT organization_id FROM orgs) OR n.id IN (SELECT network_id FROM animated))`;
}
