import { relativeTime } from './dates';

describe('relativeTime', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('says how long ago in the interface language, then the Paris date and time after a week', () => {
    expect(relativeTime('2026-03-10T11:59:30Z', 'fr', now)).toBe('à l’instant');
    expect(relativeTime('2026-03-10T11:55:00Z', 'fr', now)).toBe('il y a 5 minutes');
    expect(relativeTime('2026-03-10T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(relativeTime('2026-03-09T12:00:00Z', 'fr', now)).toBe('hier');
    expect(relativeTime('2026-03-01T23:30:00Z', 'fr', now)).toBe('02/03/2026 00:30');
  });
});
