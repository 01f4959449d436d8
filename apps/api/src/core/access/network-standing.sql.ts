/**
 * The standing of a person in a network, as SQL fragments over the views the networks module defines
 * (`network_member_people`, `network_host_staff`, migration NetworkStanding): the access policy, forums, search and
 * the other modules build their conditions from these instead of joining memberships to company members themselves.
 * Arguments are SQL expressions (placeholders, columns); `statuses` and `roles` are fixed lists, never user input.
 */

type MembershipStatusSql = 'active' | 'invited' | 'pending';
type MembershipRoleSql = 'member' | 'moderator' | 'animator';

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** A condition on one status (`= 'x'`) or several (`IN (…)`), as PostgreSQL plans the two forms differently. */
const oneOf = (column: string, values: readonly string[]): string =>
  values.length === 1 ? `${column} = '${values[0]}'` : `${column} IN (${list(values)})`;

/**
 * A FROM item: the rows (network_id, person_id, company_id, role, status, membership_id, created_at of the membership,
 * company_role) of the people whose companies hold a membership in a network, filtered, named `alias`.
 */
export function networkMemberPeopleFrom(
  alias: string,
  where: { network?: string; person?: string; statuses?: readonly MembershipStatusSql[]; roles?: readonly MembershipRoleSql[] },
): string {
  const conditions = [
    where.network ? `${alias}.network_id = ${where.network}` : null,
    where.person ? `${alias}.person_id = ${where.person}` : null,
    where.statuses?.length ? oneOf(`${alias}.status`, where.statuses) : null,
    where.roles?.length ? oneOf(`${alias}.role`, where.roles) : null,
  ].filter(Boolean);
  // A subquery rather than the bare view, so that callers may join or filter after it; PostgreSQL flattens it.
  return `(SELECT * FROM network_member_people ${alias}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}) ${alias}`;
}

/** Whether the person's company holds a membership (by default an active one) in the network, optionally with one of `roles`. */
export function isNetworkMemberSql(
  network: string,
  person: string,
  options: { statuses?: readonly MembershipStatusSql[]; roles?: readonly MembershipRoleSql[] } = {},
): string {
  return `EXISTS (SELECT 1 FROM ${networkMemberPeopleFrom('np', { network, person, statuses: options.statuses ?? ['active'], roles: options.roles })})`;
}

/** Whether the person is on the staff of the organisation `hostOrganization` (a network's host_organization_id). */
export function isHostStaffSql(hostOrganization: string, person: string): string {
  return `EXISTS (SELECT 1 FROM organization_staff s WHERE s.organization_id = ${hostOrganization} AND s.person_id = ${person})`;
}

/**
 * The JSON standings of a person (`person`, a uuid expression that is never NULL) in the networks `ids` (a uuid[]
 * expression): id, visibility, join_policy, host_organization_id, host_staff, roles (of active memberships), invited.
 */
export function networkStandingsJsonSql(ids: string, person: string): string {
  return `(SELECT json_agg(json_build_object('id', n.id, 'visibility', n.visibility, 'join_policy', n.join_policy,
              'host_organization_id', n.host_organization_id,
              'host_staff', ${isHostStaffSql('n.host_organization_id', person)},
              'roles', (SELECT array_agg(DISTINCT np.role) FROM ${networkMemberPeopleFrom('np', { network: 'n.id', person, statuses: ['active'] })}),
              'invited', ${isNetworkMemberSql('n.id', person, { statuses: ['invited'] })}))
            FROM networks n WHERE n.id = ANY(${ids}))`;
}
