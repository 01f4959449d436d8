import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, testUser } from '../../../test/render';
import { companiesApi } from '../api/companies.api';
import { AddCompanyForm } from './AddCompanyForm';
import { formatSiretInput } from './SiretInput';

jest.mock('../api/companies.api', () => ({
  ...jest.requireActual('../api/companies.api'),
  companiesApi: { create: jest.fn() },
}));
const create = companiesApi.create as jest.MockedFunction<typeof companiesApi.create>;

const VALID_SIRET = '73282932000074';

function submitSiret(value: string) {
  fireEvent.change(screen.getByLabelText(/^SIRET/), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: "Ajouter l'entreprise" }));
}

describe('SIRET field', () => {
  beforeEach(async () => {
    create.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('groups the digits as they are typed', () => {
    expect(formatSiretInput('7328')).toBe('732 8');
    expect(formatSiretInput('732.829.320 00074')).toBe('732 829 320 00074');
    expect(formatSiretInput('73282932000074999')).toBe('732 829 320 00074');
    renderWithProviders(<AddCompanyForm />, { user: testUser });
    fireEvent.change(screen.getByLabelText(/^SIRET/), { target: { value: VALID_SIRET } });
    expect(screen.getByLabelText(/^SIRET/)).toHaveValue('732 829 320 00074');
  });

  it('rejects a SIRET whose check digit is wrong, without calling the API', async () => {
    renderWithProviders(<AddCompanyForm />, { user: testUser });
    submitSiret('73282932000075');
    expect(await screen.findByText(/clé de contrôle incorrecte/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^SIRET/)).toHaveAttribute('aria-invalid', 'true');
    expect(create).not.toHaveBeenCalled();
  });

  it('rejects a SIRET that does not have 14 digits', async () => {
    renderWithProviders(<AddCompanyForm />, { user: testUser });
    submitSiret('732 829 320');
    expect(await screen.findByText('Le SIRET compte 14 chiffres.')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('sends a valid SIRET without spaces, then asks for the legal name of an unknown company', async () => {
    create.mockRejectedValueOnce(
      new ApiRequestError(400, {
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid',
        details: [{ field: 'legalName', messages: ['is required for a company that is not yet known'] }],
      }),
    );
    renderWithProviders(<AddCompanyForm />, { user: testUser });
    submitSiret('732 829 320 00074');
    await waitFor(() => expect(create).toHaveBeenCalledWith({ siret: VALID_SIRET }));
    expect(await screen.findByLabelText(/^Raison sociale/)).toBeInTheDocument();
  });

  it('explains that an already managed company needs an invitation', async () => {
    create.mockRejectedValueOnce(
      new ApiRequestError(409, { code: 'COMPANY_ALREADY_MANAGED', message: 'Already managed', details: { companyId: 'c-42' } }),
    );
    renderWithProviders(<AddCompanyForm />, { user: testUser });
    submitSiret(VALID_SIRET);
    expect(await screen.findByText('Entreprise déjà gérée')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Voir la fiche de l'entreprise" })).toHaveAttribute('href', '/entreprises/c-42');
  });
});
