import { fireEvent, screen } from '@testing-library/react';
import type { AgendaAttendee, AgendaEvent } from '@maillage/contracts';
import { renderWithProviders, testUser } from '../../../test/render';
import { agendaApi } from '../api/agenda.api';
import { AttendeesPanel } from './AttendeesPanel';

jest.mock('../api/agenda.api', () => ({
  ...jest.requireActual('../api/agenda.api'),
  agendaApi: { attendees: jest.fn(), checkIn: jest.fn(), attendeesCsvUrl: () => '/attendees.csv' },
}));
const api = agendaApi as jest.Mocked<typeof agendaApi>;

const EVENT = { id: 'e1', canManage: true, registeredCount: 3, waitlistCount: 0, questions: [] } as unknown as AgendaEvent;

function attendee(id: string, name: string, company: string): AgendaAttendee {
  return {
    id,
    personId: `p-${id}`,
    name,
    companies: [company],
    status: 'registered',
    answers: {},
    registeredAt: '2027-01-10T09:00:00Z',
    checkedInAt: null,
  };
}

describe('attendees on the day', () => {
  it('finds an attendee by name or company, accents aside, and says when nobody matches', async () => {
    api.attendees.mockResolvedValue([
      attendee('a', 'Hélène Garnier', 'Forges de la Loire'),
      attendee('b', 'Thomas Bernard', 'Usinage de précision du Forez'),
      attendee('c', 'Claire Dubois', 'CCI Lyon Métropole'),
    ]);
    renderWithProviders(<AttendeesPanel event={EVENT} />, { user: testUser });
    const search = await screen.findByRole('searchbox', { name: 'Rechercher un participant' });
    const boxes = () => screen.queryAllByRole('checkbox', { name: /^Présence d/ }).map((box) => box.getAttribute('aria-label'));

    fireEvent.change(search, { target: { value: 'helene' } });
    expect(new Set(boxes())).toEqual(new Set(['Présence d’Hélène Garnier']));
    fireEvent.change(search, { target: { value: 'forez usinage' } });
    expect(new Set(boxes())).toEqual(new Set(['Présence de Thomas Bernard']));
    fireEvent.change(search, { target: { value: 'Zoé' } });
    expect(boxes()).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('Personne ne correspond à « Zoé ».');
  });
});
