import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Network, Organization, SessionUser } from '@maillage/contracts';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, testUser } from '../../../test/render';
import { networksApi } from '../api/networks.api';
import { NetworkForm } from './NetworkForm';

jest.mock('../api/networks.api', () => ({
  ...jest.requireActual('../api/networks.api'),
  networksApi: { create: jest.fn(), setParents: jest.fn(), list: jest.fn() },
}));
const ORGS: Organization[] = [
  {
    id: 'o1',
    name: 'CCI Lyon Métropole',
    kind: 'cci_territorial',
    parentId: null,
    communeCode: null,
    website: null,
    description: null,
    accentColor: null,
    logoUrl: null,
    staffCount: 2,
  },
  {
    id: 'o2',
    name: 'CCI Auvergne-Rhône-Alpes',
    kind: 'cci_regional',
    parentId: null,
    communeCode: null,
    website: null,
    description: null,
    accentColor: null,
    logoUrl: null,
    staffCount: 1,
  },
];
jest.mock('../hooks/useNetworks', () => ({
  ...jest.requireActual('../hooks/useNetworks'),
  useOrganizations: () => ({ data: ORGS }),
}));
jest.mock('../../../lib/referentials', () => ({
  ...jest.requireActual('../../../lib/referentials'),
  useRegions: () => ({ data: [{ code: '84', name: 'Auvergne-Rhône-Alpes', zone: 'metro' }] }),
  useDepartements: () => ({ data: [{ code: '42', name: 'Loire', zone: 'metro', region: { code: '84', name: 'Auvergne-Rhône-Alpes' } }] }),
}));
const create = networksApi.create as jest.MockedFunction<typeof networksApi.create>;

const animator: SessionUser = {
  ...testUser,
  staffOf: [{ organizationId: 'o1', organizationName: 'CCI Lyon Métropole', role: 'animator' }],
};

async function choose(label: RegExp, option: string) {
  fireEvent.click(screen.getByLabelText(label));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Créer le réseau' }));

describe('network form', () => {
  beforeEach(async () => {
    create.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('asks for the name, type and maturity without calling the API', async () => {
    renderWithProviders(<NetworkForm onSaved={jest.fn()} onCancel={jest.fn()} />, { user: animator });
    submit();
    expect(await screen.findAllByText('Ce champ est obligatoire.')).toHaveLength(3);
    expect(screen.getByLabelText(/^Nom du réseau/)).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(screen.getByLabelText(/^Nom du réseau/), { target: { value: 'X' } });
    submit();
    expect(await screen.findByText('Le nom compte au moins 2 caractères.')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('offers as hosts only the organisations the person is staff of (all of them to admins)', async () => {
    const { unmount } = renderWithProviders(<NetworkForm onSaved={jest.fn()} onCancel={jest.fn()} />, { user: animator });
    // The only possible host is chosen already.
    expect(screen.getByLabelText(/^Organisation hôte/)).toHaveValue('CCI Lyon Métropole');
    fireEvent.click(screen.getByLabelText(/^Organisation hôte/));
    expect(screen.queryByRole('option', { name: 'CCI Auvergne-Rhône-Alpes' })).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<NetworkForm onSaved={jest.fn()} onCancel={jest.fn()} />, { user: { ...testUser, platformRole: 'admin' } });
    expect(screen.getByLabelText(/^Organisation hôte/)).toHaveValue('');
    fireEvent.click(screen.getByLabelText(/^Organisation hôte/));
    expect(await screen.findByRole('option', { name: 'CCI Auvergne-Rhône-Alpes' })).toBeInTheDocument();
  });

  it('sends a complete network and shows the server-side errors on their fields', async () => {
    create.mockRejectedValueOnce(
      new ApiRequestError(409, {
        code: 'SLUG_TAKEN',
        message: 'A network already uses this address',
        details: [{ field: 'name', messages: ['is already used'] }],
      }),
    );
    const onSaved = jest.fn();
    renderWithProviders(<NetworkForm onSaved={onSaved} onCancel={jest.fn()} />, { user: animator });
    fireEvent.change(screen.getByLabelText(/^Nom du réseau/), { target: { value: '  Club privé du Forez ' } });
    await choose(/^Type/, "Club d'entreprises");
    await choose(/^Maturité/, 'Création');
    fireEvent.click(screen.getByRole('radio', { name: /^Privé/ }));
    fireEvent.click(screen.getByRole('radio', { name: /^Adhésion sur demande/ }));
    await choose(/^Départements/, 'Loire (42)');
    submit();
    await waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        name: 'Club privé du Forez',
        type: 'business_club',
        maturity: 'creation',
        visibility: 'private',
        joinPolicy: 'approval',
        hostOrganizationId: 'o1',
        referentOrganizationId: null,
        territory: { communes: [], epcis: [], departements: ['42'], regions: [] },
        sectors: [],
        themes: [],
        description: null,
        charter: null,
      }),
    );
    expect(await screen.findByText('Ce nom est déjà utilisé.')).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();

    const saved = { id: 'n1', name: 'Club privé du Forez', parentIds: [], parentRequests: [] } as unknown as Network;
    create.mockResolvedValueOnce(saved);
    submit();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(networksApi.setParents).not.toHaveBeenCalled();
  });
});
