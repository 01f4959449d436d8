import {
  addDays,
  buildSpans,
  daysBetween,
  isLate,
  meanProgress,
  median,
  monthWindows,
  parisDay,
  progressOf,
  yearFiguresOf,
} from './steering-compute';
import { shiftYears } from './steering-plans.service';

describe('steering computations', () => {
  it('reads instants as Europe/Paris days', () => {
    expect(parisDay(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29'); // UTC+1
    expect(parisDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01'); // UTC+2
    expect(parisDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-12-31', '2026-03-01')).toBe(60);
  });

  it('cuts 24 months ending with the current one, the last capped at today', () => {
    const months = monthWindows('2026-12-07', 24);
    expect(months).toHaveLength(24);
    expect(months[0]).toEqual({ month: '2025-01', from: '2025-01-01', to: '2025-01-31' });
    expect(months[1].to).toBe('2025-02-28');
    expect(months[23]).toEqual({ month: '2026-12', from: '2026-12-01', to: '2026-12-07' });
    expect(monthWindows('2026-03-31', 2).map((m) => m.month)).toEqual(['2026-02', '2026-03']);
  });

  it('rebuilds membership spans: a company that left and came back, history-less memberships, same-day returns', () => {
    const at = (s: string) => new Date(`${s}T10:00:00Z`);
    const spans = buildSpans(
      [
        { network_id: 'n', company_id: 'b', at: at('2025-01-10'), active: true },
        { network_id: 'n', company_id: 'b', at: at('2025-06-01'), active: false },
        { network_id: 'n', company_id: 'b', at: at('2026-02-01'), active: true },
        { network_id: 'n', company_id: 'c', at: at('2025-03-01'), active: true },
        { network_id: 'n', company_id: 'c', at: at('2025-04-01'), active: false },
        { network_id: 'n', company_id: 'c', at: at('2025-04-01'), active: true },
        // A repeated activation is no new span.
        { network_id: 'n', company_id: 'c', at: at('2025-05-01'), active: true },
      ],
      [
        { network_id: 'n', company_id: 'b', since: at('2025-01-01'), active: true },
        { network_id: 'n', company_id: 'c', since: at('2025-01-01'), active: true },
        // Active without any recorded move: counts from its creation.
        { network_id: 'n', company_id: 'old', since: at('2020-05-05'), active: true },
        // Pending, never active: no span.
        { network_id: 'n', company_id: 'p', since: at('2026-01-01'), active: false },
      ],
      '2026-12-07',
    );
    expect(spans).toEqual([
      { networkId: 'n', companyId: 'b', joinedOn: '2025-01-10', leftOn: '2025-06-01' },
      { networkId: 'n', companyId: 'b', joinedOn: '2026-02-01', leftOn: null },
      { networkId: 'n', companyId: 'c', joinedOn: '2025-03-01', leftOn: null },
      { networkId: 'n', companyId: 'old', joinedOn: '2020-05-05', leftOn: null },
    ]);
    // A span still open while the membership is no longer active is closed today.
    expect(
      buildSpans(
        [{ network_id: 'n', company_id: 'x', at: at('2025-01-01'), active: true }],
        [{ network_id: 'n', company_id: 'x', since: at('2025-01-01'), active: false }],
        '2026-12-07',
      ),
    ).toEqual([{ networkId: 'n', companyId: 'x', joinedOn: '2025-01-01', leftOn: '2026-12-07' }]);
  });

  it('computes medians, progress and late actions', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(progressOf(null, 10)).toBeNull();
    expect(progressOf(5, null)).toBeNull();
    expect(progressOf(5, 0)).toBeNull();
    expect(progressOf(15, 10)).toBe(1.5);
    expect(meanProgress([1.5, 0.5, null])).toBe(0.75);
    expect(meanProgress([null])).toBeNull();
    expect(isLate({ dueDate: '2026-01-01', status: 'planned' }, '2026-01-02')).toBe(true);
    expect(isLate({ dueDate: '2026-01-02', status: 'planned' }, '2026-01-02')).toBe(false);
    expect(isLate({ dueDate: '2026-01-01', status: 'done' }, '2026-06-01')).toBe(false);
    expect(isLate({ dueDate: null, status: 'in_progress' }, '2026-06-01')).toBe(false);
  });

  it('sums a year of monthly points, members and active members from the last one', () => {
    const point = (month: string, members: number, registrations: number, checkIns: number) => ({
      month,
      members,
      activeMembers: members - 1,
      joins: 1,
      leaves: 0,
      topics: 2,
      posts: 5,
      eventsHeld: 1,
      registrations,
      checkIns,
      attendanceRate: null,
      documentsAdded: 1,
      newsletters: 1,
      newsletterRecipients: 4,
      newsletterClickers: 1,
      newsletterUnsubscribes: 0,
    });
    expect(yearFiguresOf([point('2026-01', 10, 8, 6), point('2026-02', 12, 2, 0)])).toEqual({
      members: 12,
      active_members: 11,
      new_members: 2,
      events_held: 2,
      registrations: 10,
      attendance: 6,
      attendance_rate: 60,
      topics: 4,
      posts: 10,
      documents: 2,
      newsletters_sent: 2,
      newsletter_recipients: 8,
      newsletter_click_rate: 25,
      newsletter_unsubscribes: 0,
    });
    expect(yearFiguresOf([])).toBeNull();
  });

  it('moves plan dates by whole years', () => {
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2026-01-10', 1)).toBe('2027-01-10');
  });
});
