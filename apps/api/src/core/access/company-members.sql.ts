/**
 * The people of companies, as SQL over `company_members` (owned by the companies module), kept beside the access policy,
 * its main reader, so that core imports no module: other modules and the policy build their statements from these instead of reading the table by themselves. Arguments are SQL
 * expressions (placeholders, columns); `roles` is a fixed list, never user input.
 */

type CompanyRoleSql = 'owner' | 'admin' | 'member';

/** A FROM item: the rows (company_id, person_id, role, created_at) of the people of companies, filtered, named `alias`. */
export function companyMembersFrom(alias: string, where: { company?: string; person?: string; roles?: readonly CompanyRoleSql[] }): string {
  const conditions = [
    where.company ? `${alias}.company_id = ${where.company}` : null,
    where.person ? `${alias}.person_id = ${where.person}` : null,
    where.roles?.length ? `${alias}.role IN (${where.roles.map((r) => `'${r}'`).join(', ')})` : null,
  ].filter(Boolean);
  // A subquery so that callers may join or filter after it; PostgreSQL flattens it.
  return `(SELECT * FROM company_members ${alias}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}) ${alias}`;
}

/** Whether the person belongs to the company (optionally with one of `roles`). */
export function isCompanyPersonSql(company: string, person: string, roles?: readonly CompanyRoleSql[]): string {
  return `EXISTS (SELECT 1 FROM ${companyMembersFrom('cmp', { company, person, roles })})`;
}

/** The ids of the people of a company (optionally with one of `roles`), as a statement with a `person_id` column. */
export function companyPeopleSql(company: string, roles?: readonly CompanyRoleSql[]): string {
  return `SELECT cmp.person_id FROM ${companyMembersFrom('cmp', { company, roles })}`;
}
