import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AgendaEvent } from '@maillage/contracts';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, testUser } from '../../../test/render';
import { agendaApi } from '../api/agenda.api';
import { RegistrationPanel } from './RegistrationPanel';

jest.mock('../api/agenda.api', () => ({
  ...jest.requireActual('../api/agenda.api'),
  agendaApi: { register: jest.fn(), unregister: jest.fn() },
}));
const register = agendaApi.register as jest.MockedFunction<typeof agendaApi.register>;

function event(change: Partial<AgendaEvent> = {}): AgendaEvent {
  return {
    id: 'e1',
    title: 'Petit-déjeuner',
    status: 'published',
    format: 'in_person',
    startsAt: '2027-01-15T07:00:00.000Z',
    endsAt: '2027-01-15T08:30:00.000Z',
    localStartsAt: '2027-01-15T08:00:00',
    localEndsAt: '2027-01-15T09:30:00',
    communeName: 'Saint-Étienne',
    departementCode: '42',
    network: { id: 'n1', name: 'Club', slug: 'club', type: 'business_club', visibility: 'public' },
    sharedWith: [],
    coverUrl: null,
    capacity: 2,
    registeredCount: 0,
    myStatus: null,
    seriesId: null,
    description: null,
    descriptionHtml: null,
    address: '1 rue X',
    communeCode: '42218',
    onlineUrl: null,
    registrationDeadline: null,
    questions: [{ id: 'q1', kind: 'choice', label: 'Repas', required: true, choices: ['Oui', 'Non'] }],
    waitlistCount: 0,
    myWaitlistPosition: null,
    myRegistrationId: null,
    myCheckIn: null,
    createdBy: null,
    canManage: false,
    canRegister: true,
    registrationClosed: null,
    ...change,
  };
}

describe('registering for an event', () => {
  beforeEach(async () => {
    register.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('asks the required questions before registering', async () => {
    register.mockResolvedValueOnce({ id: 'r1', status: 'registered', waitlistPosition: null, checkIn: null });
    renderWithProviders(<RegistrationPanel event={event()} />, { user: testUser });
    fireEvent.click(screen.getByRole('button', { name: 'S’inscrire' }));
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeInTheDocument();
    expect(register).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('radio', { name: 'Non' }));
    fireEvent.click(screen.getByRole('button', { name: 'S’inscrire' }));
    await waitFor(() => expect(register).toHaveBeenCalledWith('e1', { q1: 'Non' }));
  });

  it('offers the waitlist when the event is full, and shows the position of a waitlisted person', () => {
    const { unmount } = renderWithProviders(<RegistrationPanel event={event({ registeredCount: 2, questions: [] })} />, { user: testUser });
    expect(screen.getByRole('button', { name: 'Rejoindre la liste d’attente' })).toBeInTheDocument();
    unmount();
    renderWithProviders(<RegistrationPanel event={event({ myStatus: 'waitlisted', myWaitlistPosition: 3 })} />, { user: testUser });
    expect(screen.getByText('Liste d’attente : position 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Annuler mon inscription' })).toBeInTheDocument();
  });

  it('says why registration is closed, and sends anonymous visitors to sign in', () => {
    const { unmount } = renderWithProviders(<RegistrationPanel event={event({ canRegister: false, registrationClosed: 'deadline' })} />, {
      user: testUser,
    });
    expect(screen.getByText('La date limite d’inscription est passée.')).toBeInTheDocument();
    unmount();
    renderWithProviders(<RegistrationPanel event={event()} />);
    expect(screen.getByRole('link', { name: 'Connectez-vous pour vous inscrire' })).toHaveAttribute(
      'href',
      '/connexion?next=%2Fevenements%2Fe1',
    );
  });

  it('shows a registered person the QR code of their registration and its code, grouped by four', () => {
    renderWithProviders(
      <RegistrationPanel
        event={event({
          myStatus: 'registered',
          myRegistrationId: 'r1',
          myCheckIn: { code: '3F9A0B12C4D5E6F7', qrUrl: '/api/v1/agenda/check-in-codes/e1/3F9A0B12C4D5E6F7.png' },
        })}
      />,
      { user: testUser },
    );
    expect(screen.getByRole('img', { name: 'QR code de présence à montrer à l’accueil' })).toHaveAttribute(
      'src',
      '/api/v1/agenda/check-in-codes/e1/3F9A0B12C4D5E6F7.png',
    );
    expect(screen.getByTestId('my-check-in-code')).toHaveTextContent('3F9A-0B12-C4D5-E6F7');
  });

  it('shows no QR code on the waitlist', () => {
    renderWithProviders(<RegistrationPanel event={event({ myStatus: 'waitlisted', myWaitlistPosition: 2, myRegistrationId: 'r1' })} />, {
      user: testUser,
    });
    expect(screen.queryByTestId('my-check-in-code')).toBeNull();
  });
});
