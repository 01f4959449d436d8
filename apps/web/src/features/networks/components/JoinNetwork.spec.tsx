import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CompanySummary, Network } from '@maillage/contracts';
import { i18n } from '../../../lib/i18n';
import { myCompaniesApi } from '../../../lib/my-companies';
import { renderWithProviders, testUser } from '../../../test/render';
import { networksApi } from '../api/networks.api';
import { JoinNetwork } from './JoinNetwork';

jest.mock('../api/networks.api', () => ({
  ...jest.requireActual('../api/networks.api'),
  networksApi: { join: jest.fn(), remove: jest.fn() },
}));
const join = networksApi.join as jest.MockedFunction<typeof networksApi.join>;
const remove = networksApi.remove as jest.MockedFunction<typeof networksApi.remove>;
const mine = jest.spyOn(myCompaniesApi, 'mine');

const USINAGE: CompanySummary = {
  id: 'c1',
  siret: '1',
  name: 'Usinage du Forez',
  nafCode: null,
  communeName: null,
  logoUrl: null,
  role: 'owner',
};
const ATELIER: CompanySummary = {
  id: 'c2',
  siret: '2',
  name: 'Atelier Martin',
  nafCode: null,
  communeName: null,
  logoUrl: null,
  role: 'admin',
};

function network(change: Partial<Network> = {}): Network {
  return {
    id: 'n1',
    name: 'Club du Forez',
    slug: 'club-du-forez',
    type: 'business_club',
    visibility: 'public',
    joinPolicy: 'open',
    description: null,
    charter: null,
    charterHtml: null,
    logoUrl: null,
    coverUrl: null,
    territory: { communes: [], epcis: [], departements: [], regions: [] },
    sectors: [],
    themes: [],
    maturity: 'development',
    hostOrganizationId: 'o1',
    referentOrganizationId: null,
    parentIds: [],
    parentRequests: [],
    memberCount: 3,
    canManage: false,
    myMemberships: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...change,
  };
}

const signedIn = { user: testUser };

describe('joining a network', () => {
  beforeEach(async () => {
    join.mockReset();
    remove.mockReset();
    mine.mockReset().mockResolvedValue([USINAGE]);
    await i18n.changeLanguage('fr');
  });

  it('sends anonymous visitors to the login page, and back', () => {
    renderWithProviders(<JoinNetwork network={network()} />, { route: '/reseaux/n1' });
    expect(screen.getByRole('link', { name: 'Se connecter pour rejoindre' })).toHaveAttribute('href', '/connexion?next=%2Freseaux%2Fn1');
    expect(mine).not.toHaveBeenCalled();
  });

  it('joins an open network at once', async () => {
    join.mockResolvedValueOnce({} as never);
    renderWithProviders(<JoinNetwork network={network()} />, signedIn);
    fireEvent.click(await screen.findByRole('button', { name: 'Rejoindre le réseau' }));
    await waitFor(() => expect(join).toHaveBeenCalledWith('n1', 'c1'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks to join a network on approval, with a message to the animators', async () => {
    join.mockResolvedValueOnce({} as never);
    renderWithProviders(<JoinNetwork network={network({ joinPolicy: 'approval', visibility: 'private' })} />, signedIn);
    fireEvent.click(await screen.findByRole('button', { name: 'Demander à rejoindre' }));
    const dialog = await screen.findByRole('dialog', { name: 'Demander à rejoindre Club du Forez' });
    fireEvent.change(within(dialog).getByLabelText(/Message aux animateurs/), { target: { value: '  Nous usinons du titane.  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer la demande' }));
    await waitFor(() => expect(join).toHaveBeenCalledWith('n1', 'c1', 'Nous usinons du titane.'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('explains that an invitation-only network needs an invitation, and offers to accept one', async () => {
    const { unmount } = renderWithProviders(<JoinNetwork network={network({ joinPolicy: 'invitation' })} />, signedIn);
    expect(await screen.findByText(/sur invitation de ses animateurs/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Rejoindre|Demander/ })).not.toBeInTheDocument();
    unmount();

    join.mockResolvedValueOnce({} as never);
    const invited = network({ joinPolicy: 'invitation', myMemberships: [{ companyId: 'c1', role: 'member', status: 'invited' }] });
    renderWithProviders(<JoinNetwork network={invited} />, signedIn);
    fireEvent.click(await screen.findByRole('button', { name: "Accepter l'invitation" }));
    await waitFor(() => expect(join).toHaveBeenCalledWith('n1', 'c1'));
  });

  it('shows a pending request with a way to cancel it, and lets a member leave after confirming', async () => {
    remove.mockResolvedValue(undefined);
    const pending = network({ joinPolicy: 'approval', myMemberships: [{ companyId: 'c1', role: 'member', status: 'pending' }] });
    const { unmount } = renderWithProviders(<JoinNetwork network={pending} />, signedIn);
    expect(await screen.findByText('Demande d’Usinage du Forez en attente de réponse.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler la demande' }));
    await waitFor(() => expect(remove).toHaveBeenCalledWith('n1', 'c1'));
    unmount();

    const member = network({ myMemberships: [{ companyId: 'c1', role: 'animator', status: 'active' }] });
    renderWithProviders(<JoinNetwork network={member} />, signedIn);
    expect(await screen.findByText('Usinage du Forez est animateur de ce réseau.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Quitter le réseau' }));
    const dialog = await screen.findByRole('dialog', { name: 'Quitter Club du Forez ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quitter le réseau' }));
    await waitFor(() => expect(remove).toHaveBeenCalledTimes(2));
  });

  it('tells a banned company it cannot join', async () => {
    renderWithProviders(
      <JoinNetwork network={network({ myMemberships: [{ companyId: 'c1', role: 'member', status: 'banned' }] })} />,
      signedIn,
    );
    expect(await screen.findByText('Usinage du Forez a été exclue de ce réseau.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Adhésion' })).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lets the owner of several companies choose which one joins', async () => {
    mine.mockResolvedValue([USINAGE, ATELIER, { ...ATELIER, id: 'c3', name: 'Simple salarié', role: 'member' }]);
    join.mockResolvedValueOnce({} as never);
    renderWithProviders(
      <JoinNetwork network={network({ myMemberships: [{ companyId: 'c1', role: 'member', status: 'active' }] })} />,
      signedIn,
    );
    const select = await screen.findByLabelText('Entreprise');
    expect(select).toHaveValue('Usinage du Forez (Membre)');
    expect(screen.getByRole('button', { name: 'Quitter le réseau' })).toBeInTheDocument();
    fireEvent.click(select);
    // Only the companies the person acts for (owner, admin) are offered.
    expect(screen.queryByRole('option', { name: 'Simple salarié' })).not.toBeInTheDocument();
    fireEvent.click(await screen.findByRole('option', { name: 'Atelier Martin' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rejoindre le réseau' }));
    await waitFor(() => expect(join).toHaveBeenCalledWith('n1', 'c2'));
  });

  it('invites people without a company they manage to add one', async () => {
    mine.mockResolvedValue([{ ...USINAGE, role: 'member' }]);
    renderWithProviders(<JoinNetwork network={network()} />, signedIn);
    expect(await screen.findByText("Pour rejoindre un réseau, ajoutez d'abord votre entreprise.")).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ajouter mon entreprise' })).toHaveAttribute('href', '/entreprises#ajouter');
  });
});
