/**
 * The cockpit's single statement over the precomputed lines (`steering_cockpit_lines`): the caller's networks (the
 * access scope's SQL, joined), the alerts of the day, the filters, the sort and the page, with the totals and the
 * filter choices of the whole portfolio. No other import: the steering benchmark runs the same statement with `pg`.
 */

export interface CockpitFilters {
  q?: string;
  type?: string;
  maturity?: string;
  departement?: string;
  region?: string;
  animatorId?: string;
  organizationId?: string;
  alert?: 'dormant' | 'late' | 'any';
  sort?: string;
  order?: 'asc' | 'desc';
}

export const COCKPIT_MATURITY_ORDER = ['emergence', 'creation', 'development', 'autonomy'];

const SORT_COLUMNS: Record<string, string> = {
  name: 'name_key COLLATE "C"',
  type: 'type COLLATE "C"',
  members: 'members',
  activeMembers: 'active_members',
  growth: 'growth',
  posts: 'posts',
  events: 'events_held',
  attendance: 'attendance',
  maturity: 'maturity_rank',
  progress: 'progress',
  lastActivity: 'last_activity_at',
};

/** A name as the search compares it: without accents, in lower case. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The caller's lines with the alerts of the day: CTEs `scope` (the access scope), `visible`, `lines`. Placeholders:
 * $1 the person, $2 platform admin, $3 today (Europe/Paris), $4 the default dormant threshold.
 */
export function visibleLinesSql(scopeSql: (person: string, admin: string) => string): string {
  return `WITH scope AS (${scopeSql('$1', '$2')}),
    visible AS (
      SELECT l.*, s.host, s.referent, s.animator, coalesce(st.dormant_after_days, $4::int) AS dormant_after_days,
             $3::date - (l.last_activity_at AT TIME ZONE 'Europe/Paris')::date AS days_since,
             (SELECT count(*) FROM unnest(l.open_due_dates) AS d WHERE d < $3::date)::int AS late
      FROM scope s JOIN steering_cockpit_lines l ON l.network_id = s.id
      LEFT JOIN steering_settings st ON st.organization_id = l.host_organization_id),
    lines AS (SELECT v.*, (v.days_since IS NULL OR v.days_since >= v.dormant_after_days) AS dormant FROM visible v)`;
}

/** A line of `lines` as the page shows it: the stored line, the caller's relations and the alerts. */
export const COCKPIT_ITEM_SQL = `line || jsonb_build_object(
  'relations', to_jsonb(array_remove(ARRAY[CASE WHEN animator THEN 'animator' END, CASE WHEN host THEN 'host' END,
                                           CASE WHEN referent THEN 'referent' END, CASE WHEN $2::boolean THEN 'admin' END], NULL)),
  'alerts', jsonb_build_object('dormant', dormant, 'daysSinceActivity', days_since, 'dormantAfterDays', dormant_after_days, 'lateActions', late))`;

/**
 * A network's page: its line (when the caller steers it), its full snapshot, and the two middle values of each figure
 * over the networks of its type the caller steers (their mean is the median). $5: the network.
 */
export function indicatorsStatement(
  scopeSql: (person: string, admin: string) => string,
  input: { personId: string; admin: boolean; today: string; dormantDefault: number; networkId: string },
): { sql: string; params: unknown[] } {
  const middle = (column: string, name: string) =>
    `'${name}', json_build_array(percentile_disc(0.5) WITHIN GROUP (ORDER BY p.${column}), percentile_disc(0.5) WITHIN GROUP (ORDER BY p.${column} DESC))`;
  const sql = `${visibleLinesSql(scopeSql)}
    SELECT x.item, sn.series, sn.funnel, sn.inactive, sn.as_of::text AS as_of,
      (SELECT json_build_object('peers', count(*)::int, ${middle('members', 'members')}, ${middle('active_members', 'activeMembers')},
                                ${middle('posts', 'posts12m')}, ${middle('events_held', 'eventsHeld12m')}, ${middle('attendance', 'attendanceRate')})
       FROM scope ps JOIN steering_cockpit_lines p ON p.network_id = ps.id WHERE ps.type = x.type) AS peers
    FROM (SELECT ${COCKPIT_ITEM_SQL} AS item, type, network_id FROM lines WHERE network_id = $5::uuid) x
    LEFT JOIN steering_snapshots sn ON sn.network_id = x.network_id`;
  return { sql, params: [input.personId, input.admin, input.today, input.dormantDefault, input.networkId] };
}

/**
 * `scopeSql(person, admin)`: the access scope with those placeholders. `page`: the page form (one row: items, totals,
 * facets, and the caller's networks without a line yet); without it, the export form (one row per line, every line, sorted).
 */
export function cockpitStatement(
  scopeSql: (person: string, admin: string) => string,
  input: {
    personId: string;
    admin: boolean;
    today: string;
    dormantDefault: number;
    filters: CockpitFilters;
    page?: { size: number; number: number };
  },
): { sql: string; params: unknown[] } {
  const f = input.filters;
  const params: unknown[] = [input.personId, input.admin, input.today, input.dormantDefault];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (f.q) where.push(`position(${p(searchKey(f.q))}::text IN search_name) > 0`);
  if (f.type) where.push(`type = ${p(f.type)}::text`);
  if (f.maturity) where.push(`maturity = ${p(f.maturity)}::text`);
  if (f.departement) where.push(`${p(f.departement)}::text = ANY(departements)`);
  if (f.region) where.push(`${p(f.region)}::text = ANY(regions)`);
  if (f.animatorId) where.push(`${p(f.animatorId)}::uuid = ANY(animator_ids)`);
  if (f.organizationId) {
    const org = p(f.organizationId);
    where.push(`(host_organization_id = ${org}::uuid OR referent_organization_id = ${org}::uuid)`);
  }
  if (f.alert) where.push(f.alert === 'dormant' ? 'dormant' : f.alert === 'late' ? 'late > 0' : '(dormant OR late > 0)');
  const sort = f.sort && SORT_COLUMNS[f.sort] ? f.sort : 'name';
  const dir = (f.order ?? (sort !== 'name' && sort !== 'type' ? 'desc' : 'asc')) === 'asc' ? 'ASC' : 'DESC';
  // Ties (and the name sort's equal names) fall back on the name without accents, then the id: a stable order.
  const order = `${SORT_COLUMNS[sort]} ${dir} NULLS LAST, search_name COLLATE "C", name_key COLLATE "C", network_id`;
  const ctes = `${visibleLinesSql(scopeSql)},
    filtered AS (SELECT * FROM lines${where.length ? ` WHERE ${where.join(' AND ')}` : ''})`;
  if (!input.page) return { sql: `${ctes} SELECT ${COCKPIT_ITEM_SQL} AS item FROM filtered ORDER BY ${order}`, params };
  const limit = p(input.page.size);
  const offset = p((input.page.number - 1) * input.page.size);
  const sql = `${ctes}
    SELECT
      (SELECT coalesce(json_agg(x.item ORDER BY x.rn), '[]') FROM (
         SELECT ${COCKPIT_ITEM_SQL} AS item, row_number() OVER (ORDER BY ${order}) AS rn FROM filtered ORDER BY ${order} LIMIT ${limit}::int OFFSET ${offset}::int) x) AS items,
      (SELECT json_build_object('networks', count(*)::int, 'members', coalesce(sum(members), 0)::int, 'activeMembers', coalesce(sum(active_members), 0)::int,
                                'dormant', (count(*) FILTER (WHERE dormant))::int, 'withLateActions', (count(*) FILTER (WHERE late > 0))::int)
       FROM filtered) AS totals,
      (SELECT json_build_object(
         'asOf', max(as_of)::text,
         'types', coalesce(json_agg(DISTINCT type::text COLLATE "C" ORDER BY type::text COLLATE "C"), '[]'),
         'maturities', coalesce(json_agg(DISTINCT maturity), '[]'),
         'departements', (SELECT coalesce(json_agg(DISTINCT d COLLATE "C" ORDER BY d COLLATE "C"), '[]') FROM lines, jsonb_array_elements_text(line->'network'->'departements') d),
         'regions', (SELECT coalesce(json_agg(DISTINCT r COLLATE "C" ORDER BY r COLLATE "C"), '[]') FROM lines, jsonb_array_elements_text(line->'network'->'regions') r),
         'animators', (SELECT coalesce(json_agg(DISTINCT a), '[]') FROM lines, jsonb_array_elements(line->'animators') a),
         'organizations', (SELECT coalesce(json_agg(DISTINCT o), '[]') FROM lines,
                           jsonb_array_elements(jsonb_build_array(line->'network'->'hostOrganization', line->'network'->'referentOrganization')) o
                           WHERE o <> 'null'::jsonb))
       FROM lines) AS facets,
      (SELECT coalesce(json_agg(s.id), '[]') FROM scope s WHERE NOT EXISTS (SELECT 1 FROM steering_cockpit_lines l WHERE l.network_id = s.id)) AS missing`;
  return { sql, params };
}
