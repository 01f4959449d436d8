import { screen } from '@testing-library/react';
import type { CompanyOffer } from '@maillage/contracts';
import { renderWithProviders } from '../../../test/render';
import { companiesApi } from '../api/companies.api';
import { CompanyOffers } from './CompanyOffers';

jest.mock('../api/companies.api', () => ({
  ...jest.requireActual('../api/companies.api'),
  companiesApi: { offers: jest.fn() },
}));
jest.mock('../../../lib/referentials', () => ({
  ...jest.requireActual('../../../lib/referentials'),
  useNaf: () => ({ data: { code: '25.62B', label: 'Mécanique industrielle' } }),
  useCommune: () => ({ data: undefined }),
}));
const offers = companiesApi.offers as jest.MockedFunction<typeof companiesApi.offers>;

const OFFER: CompanyOffer = {
  id: 'o1',
  companyId: 'c1',
  kind: 'offer',
  label: 'Usinage de pièces inox',
  description: 'Petites séries.',
  nafCodes: ['25.62B'],
  skills: ['usinage', 'inox'],
  territory: { communes: [], departements: ['42'], regions: ['84'] },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('offers and needs of a company', () => {
  beforeEach(() => offers.mockResolvedValue([OFFER]));

  it('shows offers, needs, their tags and territory to every visitor, without edit controls', async () => {
    renderWithProviders(<CompanyOffers companyId="c1" canEdit={false} />);
    expect(await screen.findByRole('heading', { name: 'Usinage de pièces inox' })).toBeInTheDocument();
    expect(screen.getByText('25.62B — Mécanique industrielle')).toBeInTheDocument();
    expect(screen.getByText('inox')).toBeInTheDocument();
    expect(screen.getByText('Auvergne-Rhône-Alpes')).toBeInTheDocument();
    expect(screen.getByText('Département 42')).toBeInTheDocument();
    expect(screen.getByText('Aucun besoin publié.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ajouter|Modifier|Supprimer/ })).not.toBeInTheDocument();
  });

  it('gives editors add, edit and delete buttons named after each item', async () => {
    renderWithProviders(<CompanyOffers companyId="c1" canEdit />);
    expect(await screen.findByRole('button', { name: 'Modifier « Usinage de pièces inox »' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Supprimer « Usinage de pièces inox »' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ajouter une offre' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ajouter un besoin' })).toBeInTheDocument();
  });
});
