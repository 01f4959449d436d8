import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, testUser } from '../../../test/render';
import { authApi } from '../api/auth.api';
import { LoginForm } from './LoginForm';

jest.mock('../api/auth.api', () => ({
  authApi: { login: jest.fn(), resendVerification: jest.fn() },
}));
const login = authApi.login as jest.MockedFunction<typeof authApi.login>;

function fillAndSubmit(email = 'ada@example.fr', password = 'une phrase de passe') {
  fireEvent.change(screen.getByLabelText(/Adresse e-mail/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Mot de passe/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('LoginForm', () => {
  beforeEach(async () => {
    login.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows the translated error of wrong credentials', async () => {
    login.mockRejectedValueOnce(new ApiRequestError(401, { code: 'INVALID_CREDENTIALS', message: 'Incorrect e-mail or password' }));
    renderWithProviders(<LoginForm onSuccess={jest.fn()} />);
    fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
    expect(login).toHaveBeenCalledWith({ email: 'ada@example.fr', password: 'une phrase de passe' });
  });

  it('says how long to wait when throttled', async () => {
    login.mockRejectedValueOnce(
      new ApiRequestError(429, { code: 'TOO_MANY_REQUESTS', message: 'Too many attempts', details: { retryAfterSeconds: 600 } }),
    );
    renderWithProviders(<LoginForm onSuccess={jest.fn()} />);
    fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('Réessayez dans 10 minute(s).');
  });

  it('offers to send the link again when the address is not confirmed', async () => {
    login.mockRejectedValueOnce(new ApiRequestError(403, { code: 'FORBIDDEN', message: 'Confirm your e-mail address first' }));
    renderWithProviders(<LoginForm onSuccess={jest.fn()} />);
    fillAndSubmit();
    expect(await screen.findByText('Adresse e-mail à confirmer')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Renvoyer le lien' })).toBeInTheDocument();
  });

  it('validates the fields before calling the API', async () => {
    renderWithProviders(<LoginForm onSuccess={jest.fn()} />);
    fillAndSubmit('not-an-address', '');
    expect(await screen.findByText(/Saisissez une adresse e-mail valide/)).toBeInTheDocument();
    expect(screen.getByText('Ce champ est obligatoire.')).toBeInTheDocument();
    expect(login).not.toHaveBeenCalled();
  });

  it('hands the signed-in person over on success', async () => {
    login.mockResolvedValueOnce(testUser);
    const onSuccess = jest.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    fillAndSubmit();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(testUser));
  });
});
