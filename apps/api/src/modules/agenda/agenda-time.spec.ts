import { occurrences, parisWallClock, parseAgendaTime } from './agenda-time';
import { checkAnswers } from './agenda-registrations.service';

describe('agenda times (Europe/Paris)', () => {
  it('reads wall-clock times in Paris, and instants with an offset as they are', () => {
    expect(parseAgendaTime('2027-01-15T18:00')).toEqual(new Date('2027-01-15T17:00:00Z'));
    expect(parseAgendaTime('2027-07-15T18:00:00')).toEqual(new Date('2027-07-15T16:00:00Z'));
    expect(parseAgendaTime('2027-07-15T18:00:00Z')).toEqual(new Date('2027-07-15T18:00:00Z'));
    expect(parseAgendaTime('2027-07-15T18:00:00+02:00')).toEqual(new Date('2027-07-15T16:00:00Z'));
  });

  it('refuses impossible dates and the hour skipped when daylight saving starts', () => {
    expect(parseAgendaTime('2027-02-29T10:00')).toBe('impossible');
    expect(parseAgendaTime('2027-04-31T10:00')).toBe('impossible');
    expect(parseAgendaTime('2027-04-10T24:00')).toBe('impossible');
    expect(parseAgendaTime('2027-03-28T02:30')).toBe('nonexistent');
    expect(parseAgendaTime('10/04/2027 10:00')).toBe('format');
    // The repeated hour in October is accepted (its first occurrence).
    expect(parseAgendaTime('2027-10-31T02:30')).toBeInstanceOf(Date);
  });

  it('repeats an event at the same Paris time across daylight-saving changes', () => {
    const start = parseAgendaTime('2027-10-25T18:00') as Date;
    const end = parseAgendaTime('2027-10-25T20:00') as Date;
    const weekly = occurrences(start, end, { frequency: 'weekly', count: 2 });
    expect(weekly.map((o) => parisWallClock(o.startsAt))).toEqual(['2027-10-25T18:00:00', '2027-11-01T18:00:00']);
    expect(weekly.map((o) => o.startsAt.toISOString())).toEqual(['2027-10-25T16:00:00.000Z', '2027-11-01T17:00:00.000Z']);
    expect(weekly.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 2 * 3600 * 1000)).toBe(true);
    const late = occurrences(parseAgendaTime('2027-03-27T23:30') as Date, parseAgendaTime('2027-03-28T01:00') as Date, {
      frequency: 'weekly',
      count: 2,
    });
    expect(late.map((o) => parisWallClock(o.startsAt))).toEqual(['2027-03-27T23:30:00', '2027-04-03T23:30:00']);
    const monthly = occurrences(parseAgendaTime('2027-01-31T09:00') as Date, parseAgendaTime('2027-01-31T10:00') as Date, {
      frequency: 'monthly',
      count: 3,
    });
    expect(monthly.map((o) => parisWallClock(o.startsAt))).toEqual(['2027-01-31T09:00:00', '2027-02-28T09:00:00', '2027-03-31T09:00:00']);
    expect(occurrences(start, end, null)).toHaveLength(1);
  });
});

describe('registration answers', () => {
  const questions = [
    { id: 'q1', kind: 'choice' as const, label: 'Repas', required: true, choices: ['Oui', 'Non'] },
    { id: 'q2', kind: 'text' as const, label: 'Attentes', required: false, choices: [] },
  ];
  it('keeps known answers, checks choices and required questions', () => {
    expect(checkAnswers(questions, { q1: ' Oui ', q2: '' })).toEqual({ q1: 'Oui' });
    expect(() => checkAnswers(questions, { q2: 'x' })).toThrow('"Repas" needs an answer');
    expect(() => checkAnswers(questions, { q1: 'Peut-être' })).toThrow('not a choice');
    expect(() => checkAnswers(questions, { q1: 'Oui', q3: 'x' })).toThrow('Unknown question');
    expect(() => checkAnswers(questions, { q1: 'Oui', q2: 42 as unknown as string })).toThrow('must be a text');
  });
});
