import { i18n } from '../../../lib/i18n';
import { currentYear, formatDay, formatMonth, formatShare, formatSigned, todayInParis } from './format';

describe('steering formats', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('writes calendar days as French does, the first of the month as an ordinal', () => {
    expect(formatDay('2026-01-01')).toBe('1er janvier 2026');
    expect(formatDay('2026-12-31')).toBe('31 décembre 2026');
    expect(formatDay(null)).toBe('—');
  });

  it('names months and rates in the interface language', async () => {
    expect(formatMonth('2026-03')).toBe('mars 2026');
    expect(formatShare(0.425).replace(/\s/g, ' ')).toBe('43 %');
    expect(formatSigned(-2)).toBe('−2');
    await i18n.changeLanguage('en');
    expect(formatDay('2026-01-01')).toBe('1 January 2026');
    expect(formatShare(0.425)).toBe('43%');
  });

  it('counts the day and the year in Europe/Paris', () => {
    // 23:30 UTC on 31 December is already the new year in Paris.
    const night = new Date('2026-12-31T23:30:00Z');
    expect(todayInParis(night)).toBe('2027-01-01');
    expect(currentYear(night)).toBe(2027);
  });
});
