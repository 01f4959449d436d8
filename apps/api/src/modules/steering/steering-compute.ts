import type { IndicatorSource, MonthlyPoint } from '@maillage/contracts';

// Pure computations of the steering module (dates, membership spans, progress), unit-tested in steering-compute.spec.ts.

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/Paris calendar day of an instant, `YYYY-MM-DD`. */
export function parisDay(at: Date): string {
  return PARIS_DAY.format(at);
}

/** `day` moved by `days` (calendar arithmetic on `YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The `count` months ending with the month of `today`, oldest first, each with its first day and its last day (capped at today). */
export function monthWindows(today: string, count: number): { month: string; from: string; to: string }[] {
  const [y, m] = today.split('-').map(Number);
  const result: { month: string; from: string; to: string }[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const first = new Date(Date.UTC(y, m - 1 - k, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const to = last.toISOString().slice(0, 10);
    result.push({ month: first.toISOString().slice(0, 7), from: first.toISOString().slice(0, 10), to: to > today ? today : to });
  }
  return result;
}

export interface MembershipMove {
  network_id: string;
  company_id: string;
  at: Date;
  /** Into `active` (true) or out of it (false). */
  active: boolean;
}
export interface MembershipNow {
  network_id: string;
  company_id: string;
  since: Date;
  active: boolean;
}
export interface MemberSpan {
  networkId: string;
  companyId: string;
  joinedOn: string;
  leftOn: string | null;
}

/**
 * A company's membership spans in each network, from its moves into and out of `active` (oldest first). A membership
 * active today without any recorded move (written before the history existed) counts from its creation; a span still
 * open for a membership no longer active is closed today. Spans that open and close on the same day are kept (a join
 * and a leave) unless the company came back that same day (the spans are then merged).
 */
export function buildSpans(moves: readonly MembershipMove[], current: readonly MembershipNow[], today: string): MemberSpan[] {
  const byKey = new Map<string, MemberSpan[]>();
  for (const move of moves) {
    const key = `${move.network_id}|${move.company_id}`;
    const spans = byKey.get(key) ?? [];
    byKey.set(key, spans);
    const open = spans.length && spans[spans.length - 1].leftOn === null ? spans[spans.length - 1] : null;
    const day = parisDay(move.at);
    if (move.active && !open) {
      const last = spans[spans.length - 1];
      if (last && last.leftOn === day) last.leftOn = null;
      else spans.push({ networkId: move.network_id, companyId: move.company_id, joinedOn: day, leftOn: null });
    } else if (!move.active && open) open.leftOn = day;
  }
  for (const now of current) {
    const key = `${now.network_id}|${now.company_id}`;
    const spans = byKey.get(key) ?? [];
    byKey.set(key, spans);
    const open = spans.length && spans[spans.length - 1].leftOn === null ? spans[spans.length - 1] : null;
    if (now.active && !spans.length)
      spans.push({ networkId: now.network_id, companyId: now.company_id, joinedOn: parisDay(now.since), leftOn: null });
    else if (!now.active && open) open.leftOn = today;
  }
  return [...byKey.values()].flat();
}

/** The median of numbers (null for none). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** actual / target; null without a positive target or without an actual. */
export function progressOf(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target <= 0) return null;
  return round(actual / target, 4);
}

/** The mean of progresses, each capped at 1; null without any. */
export function meanProgress(progresses: readonly (number | null)[]): number | null {
  const known = progresses.filter((p): p is number => p !== null);
  if (!known.length) return null;
  return round(known.reduce((sum, p) => sum + Math.min(1, p), 0) / known.length, 4);
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A ratio rounded to 4 decimals; null when the denominator is 0. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

/** Figures of one calendar year (up to today for the current year), from which computed indicators read their actual. */
export type YearFigures = Record<Exclude<IndicatorSource, 'manual'>, number | null>;

/** A year's figures from the monthly points of that year (the last point gives members and active members). */
export function yearFiguresOf(points: readonly MonthlyPoint[]): YearFigures | null {
  if (!points.length) return null;
  const sum = (k: keyof MonthlyPoint) => points.reduce((s, p) => s + (p[k] as number), 0);
  const last = points[points.length - 1];
  const registrations = sum('registrations');
  const checkIns = sum('checkIns');
  return {
    members: last.members,
    active_members: last.activeMembers,
    new_members: sum('joins'),
    events_held: sum('eventsHeld'),
    registrations,
    attendance: checkIns,
    attendance_rate: registrations > 0 ? round((checkIns / registrations) * 100, 2) : null,
    topics: sum('topics'),
    posts: sum('posts'),
    documents: sum('documentsAdded'),
    ...newsletterFiguresOf(points),
  };
}

/** A year's newsletter figures from its monthly points (points of older snapshots have none: 0). */
export function newsletterFiguresOf(
  points: readonly Partial<Pick<MonthlyPoint, 'newsletters' | 'newsletterRecipients' | 'newsletterClickers' | 'newsletterUnsubscribes'>>[],
): Pick<YearFigures, 'newsletters_sent' | 'newsletter_recipients' | 'newsletter_click_rate' | 'newsletter_unsubscribes'> {
  const sum = (k: 'newsletters' | 'newsletterRecipients' | 'newsletterClickers' | 'newsletterUnsubscribes') =>
    points.reduce((s, p) => s + (p[k] ?? 0), 0);
  const recipients = sum('newsletterRecipients');
  return {
    newsletters_sent: sum('newsletters'),
    newsletter_recipients: recipients,
    newsletter_click_rate: recipients > 0 ? round((sum('newsletterClickers') / recipients) * 100, 2) : null,
    newsletter_unsubscribes: sum('newsletterUnsubscribes'),
  };
}

/** Is an action late on `today`: past its due date and neither done nor cancelled. */
export function isLate(action: { dueDate: string | null; status: string }, today: string): boolean {
  return !!action.dueDate && action.dueDate < today && action.status !== 'done' && action.status !== 'cancelled';
}
