import { parseFrenchDate, toEventInput, type EventFormValues } from '../components/EventForm';
import { rangeAround, toParisWallClock, wallClockToApi } from './time';

describe('agenda times in the web app', () => {
  it('shows instants as Europe/Paris wall-clock times, and sends wall-clock times without an offset', () => {
    expect(toParisWallClock('2027-01-15T17:00:00Z')).toBe('2027-01-15 18:00:00');
    expect(toParisWallClock('2027-07-15T16:00:00Z')).toBe('2027-07-15 18:00:00');
    expect(wallClockToApi('2027-07-15 18:00:00')).toBe('2027-07-15T18:00');
    expect(rangeAround(new Date('2027-01-20T00:00:00Z'))).toEqual({ from: '2026-12-01T00:00', to: '2027-04-01T00:00' });
  });

  it('reads typed French dates and refuses impossible ones', () => {
    expect(parseFrenchDate('08/12/2026')).toBe('2026-12-08');
    expect(parseFrenchDate('8/1/2027')).toBe('2027-01-08');
    expect(parseFrenchDate('2027-01-08')).toBe('2027-01-08');
    expect(parseFrenchDate('31/04/2027')).toBeNull();
    expect(parseFrenchDate('demain')).toBeNull();
  });

  it('builds the API input from the form (place or link, Paris times, questions, recurrence)', () => {
    const values: EventFormValues = {
      title: ' Atelier ',
      description: '',
      format: 'online',
      address: '1 rue X',
      commune: null,
      onlineUrl: 'https://visio.example.org/a',
      startDate: '2027-03-22',
      startTime: '18:00',
      endDate: null,
      endTime: '19:30',
      capacity: '',
      deadlineDate: null,
      questions: [{ kind: 'choice', label: 'Repas', required: true, choices: 'Oui, Non, ' }],
      repeat: 'weekly',
      repeatCount: 3,
      draft: true,
      sharedNetworkIds: ['n2'],
    };
    expect(toEventInput(values, true)).toEqual({
      title: 'Atelier',
      description: null,
      format: 'online',
      address: null,
      communeCode: null,
      onlineUrl: 'https://visio.example.org/a',
      startsAt: '2027-03-22T18:00',
      endsAt: '2027-03-22T19:30',
      capacity: null,
      registrationDeadline: null,
      questions: [{ kind: 'choice', label: 'Repas', required: true, choices: ['Oui', 'Non'] }],
      status: 'draft',
      recurrence: { frequency: 'weekly', count: 3 },
    });
    expect(toEventInput({ ...values, repeat: 'none' }, false)).not.toHaveProperty('recurrence');
    // The networks sharing it: sent when the manager had the choice (the form showed it).
    expect(toEventInput(values, true)).not.toHaveProperty('sharedNetworkIds');
    expect(toEventInput(values, false, true)).toMatchObject({ sharedNetworkIds: ['n2'] });
  });
});
