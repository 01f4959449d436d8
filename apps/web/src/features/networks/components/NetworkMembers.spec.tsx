import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Network, NetworkMember } from '@maillage/contracts';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, testUser } from '../../../test/render';
import { networksApi } from '../api/networks.api';
import { NetworkMembers } from './NetworkMembers';

jest.mock('../api/networks.api', () => ({
  ...jest.requireActual('../api/networks.api'),
  networksApi: { members: jest.fn(), decide: jest.fn(), changeRole: jest.fn(), remove: jest.fn() },
}));
const api = networksApi as jest.Mocked<typeof networksApi>;

const member = (companyId: string, legalName: string, change: Partial<NetworkMember> = {}): NetworkMember => ({
  companyId,
  legalName,
  tradeName: null,
  nafCode: '25.62B',
  communeCode: null,
  role: 'member',
  status: 'active',
  message: null,
  since: '2026-11-01T10:00:00Z',
  ...change,
});

const network = { id: 'n1', name: 'Club du Forez', canManage: true, memberCount: 1 } as Network;

describe('network members', () => {
  beforeEach(async () => {
    jest.resetAllMocks();
    await i18n.changeLanguage('fr');
  });

  it('hides the list from people who may not see it, without asking the API', () => {
    renderWithProviders(<NetworkMembers network={{ ...network, canManage: false, memberCount: null }} />, { user: testUser });
    expect(screen.getByText('Seuls les membres du réseau voient la liste de ses membres.')).toBeInTheDocument();
    expect(api.members).not.toHaveBeenCalled();
  });

  it('lets managers decide on requests, change roles, and lift bans', async () => {
    api.members.mockResolvedValue([
      member('c1', 'Usinage du Forez', { status: 'pending', message: 'Nous usinons du titane.' }),
      member('c2', 'Atelier Martin'),
      member('c3', 'Méca Loire', { status: 'banned' }),
    ]);
    api.decide.mockResolvedValue({} as never);
    api.changeRole.mockResolvedValue({} as never);
    renderWithProviders(<NetworkMembers network={network} />, { user: testUser });

    const pending = await screen.findByRole('region', { name: 'Demandes en attente (1)' });
    expect(within(pending).getByText('Nous usinons du titane.')).toBeInTheDocument();
    fireEvent.click(within(pending).getByRole('button', { name: 'Accepter la demande d’Usinage du Forez' }));
    await waitFor(() => expect(api.decide).toHaveBeenCalledWith('n1', 'c1', 'approve'));

    fireEvent.click(screen.getByLabelText('Rôle d’Atelier Martin dans le réseau'));
    fireEvent.click(await screen.findByRole('option', { name: 'Animateur' }));
    await waitFor(() => expect(api.changeRole).toHaveBeenCalledWith('n1', 'c2', 'animator'));

    const former = screen.getByRole('region', { name: 'Exclues et anciennes (1)' });
    fireEvent.click(within(former).getByRole('button', { name: "Lever l'exclusion de Méca Loire" }));
    await waitFor(() => expect(api.decide).toHaveBeenCalledWith('n1', 'c3', 'unban'));
  });

  it('asks before banning a member', async () => {
    api.members.mockResolvedValue([member('c2', 'Atelier Martin')]);
    api.decide.mockResolvedValue({} as never);
    renderWithProviders(<NetworkMembers network={network} />, { user: testUser });
    fireEvent.click(await screen.findByRole('button', { name: 'Exclure Atelier Martin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Exclure Atelier Martin ?' });
    expect(api.decide).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Exclure' }));
    await waitFor(() => expect(api.decide).toHaveBeenCalledWith('n1', 'c2', 'ban'));
  });
});
