import { changeLocale, i18n } from './i18n';
import { api, ApiRequestError, onUnauthorized, resetCsrfToken } from './api';
import { applyFieldErrors, errorMessage, FieldsToFixError } from './errors';

interface FakeResponse {
  ok: boolean;
  status: number;
  text: () => Promise<string>;
}

function reply(status: number, body?: unknown): FakeResponse {
  return { ok: status >= 200 && status < 300, status, text: async () => (body === undefined ? '' : JSON.stringify(body)) };
}

const fetchMock = jest.fn<Promise<FakeResponse>, [string, RequestInit]>();
const t = i18n.t.bind(i18n);

beforeAll(() => {
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

beforeEach(async () => {
  fetchMock.mockReset();
  resetCsrfToken();
  await i18n.changeLanguage('fr');
});

describe('api client', () => {
  it('sends same-origin GET requests under /api/v1 with the query string, without a CSRF token', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, [{ code: '25.62B', label: 'Mécanique industrielle' }]));
    const result = await api.get('/referentials/naf', { q: 'méca', pageSize: 20, empty: '' });
    expect(result).toEqual([{ code: '25.62B', label: 'Mécanique industrielle' }]);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/referentials/naf?q=m%C3%A9ca&pageSize=20');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('fetches the CSRF token once and sends it on every state-changing request', async () => {
    fetchMock
      .mockResolvedValueOnce(reply(200, { token: 'csrf-1' }))
      .mockResolvedValueOnce(reply(200, { id: 'c1' }))
      .mockResolvedValueOnce(reply(204));
    await api.post('/companies', { siret: '73282932000074' });
    await api.delete('/companies/c1/logo');
    expect(fetchMock.mock.calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET /api/v1/auth/csrf',
      'POST /api/v1/companies',
      'DELETE /api/v1/companies/c1/logo',
    ]);
    for (const [, init] of fetchMock.mock.calls.slice(1)) {
      expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-1');
    }
    const post = fetchMock.mock.calls[1]![1];
    expect(post.body).toBe(JSON.stringify({ siret: '73282932000074' }));
    expect((post.headers as Record<string, string>)['content-type']).toBe('application/json');
    // No body, no JSON content type (Fastify rejects an empty JSON body).
    expect((fetchMock.mock.calls[2]![1].headers as Record<string, string>)['content-type']).toBeUndefined();
  });

  it('refetches the token once and retries when the API rejects it', async () => {
    fetchMock
      .mockResolvedValueOnce(reply(200, { token: 'stale' }))
      .mockResolvedValueOnce(reply(403, { code: 'FORBIDDEN', message: 'Invalid csrf token', correlationId: 'r1' }))
      .mockResolvedValueOnce(reply(200, { token: 'fresh' }))
      .mockResolvedValueOnce(reply(204));
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect((fetchMock.mock.calls[3]![1].headers as Record<string, string>)['x-csrf-token']).toBe('fresh');
  });

  it('does not retry other 403 answers', async () => {
    fetchMock
      .mockResolvedValueOnce(reply(200, { token: 'csrf' }))
      .mockResolvedValueOnce(reply(403, { code: 'FORBIDDEN', message: 'You are not allowed to do this', correlationId: 'r2' }));
    await expect(api.patch('/companies/x', {})).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('sends uploads as multipart with one "file" field', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { token: 'csrf' })).mockResolvedValueOnce(reply(200, { id: 'p1' }));
    const file = new File(['png'], 'logo.png', { type: 'image/png' });
    await api.upload('/people/me/photo', file);
    const init = fetchMock.mock.calls[1]![1];
    expect(init.body).toBeInstanceOf(FormData);
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
    expect((init.headers as Record<string, string>)['content-type']).toBeUndefined();
  });
});

describe('session expiry', () => {
  it('tells the app about a 401 outside /auth, but not about the anonymous /auth/me', async () => {
    const listener = jest.fn();
    const unsubscribe = onUnauthorized(listener);
    const anonymous = { code: 'UNAUTHENTICATED', message: 'Authentication required', correlationId: 'x' };
    fetchMock.mockResolvedValueOnce(reply(401, anonymous)).mockResolvedValueOnce(reply(401, anonymous));
    await expect(api.get('/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(listener).not.toHaveBeenCalled();
    await expect(api.get('/companies/mine')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });
});

describe('API errors', () => {
  it('turns an error body into an ApiRequestError with a translated message', async () => {
    fetchMock
      .mockResolvedValueOnce(reply(200, { token: 'csrf' }))
      .mockResolvedValueOnce(reply(401, { code: 'INVALID_CREDENTIALS', message: 'Incorrect e-mail or password', correlationId: 'abc' }));
    const error = await api.post('/auth/login', { email: 'a@b.fr', password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', correlationId: 'abc' });
    expect(errorMessage(error, t)).toBe('Adresse e-mail ou mot de passe incorrect.');
    await changeLocale('en');
    expect(errorMessage(error, t)).toBe('Incorrect e-mail address or password.');
  });

  it('falls back to the API message for unknown codes, and explains waits and network failures', () => {
    expect(errorMessage(new ApiRequestError(409, { code: 'SOMETHING_NEW', message: 'Something new happened' }), t)).toBe(
      'Something new happened',
    );
    const throttled = new ApiRequestError(429, { code: 'TOO_MANY_REQUESTS', message: 'Too many', details: { retryAfterSeconds: 125 } });
    expect(errorMessage(throttled, t)).toBe('Trop de tentatives. Réessayez dans 3 minute(s).');
    expect(errorMessage(new TypeError('Failed to fetch'), t)).toMatch(/injoignable/);
    expect(errorMessage(new ApiRequestError(500, { code: 'INTERNAL_ERROR', message: 'x' }), t)).toMatch(/de notre côté/);
    expect(errorMessage(new FieldsToFixError(throttled), t)).toMatch(/^Certains champs sont à corriger/);
  });

  it('maps field errors onto the matching form fields, translating known messages', () => {
    const error = new ApiRequestError(400, {
      code: 'WEAK_PASSWORD',
      message: 'The password is too weak',
      details: [
        { field: 'password', messages: ['is too easy to guess'] },
        { field: 'nafCode', messages: ['must be a NAF rev.2 code of the official list (e.g. 25.62B)'] },
        { field: 'unknown', messages: ['whatever'] },
      ],
    });
    const setFieldError = jest.fn();
    const form = { getValues: () => ({ password: '', naf: null }), setFieldError };
    expect(applyFieldErrors(form, error, t, { nafCode: 'naf' })).toEqual(['password', 'naf']);
    expect(setFieldError).toHaveBeenCalledWith('password', 'Ce mot de passe est trop facile à deviner : allongez-le.');
    expect(setFieldError).toHaveBeenCalledWith('naf', 'Choisissez un code NAF de la liste.');
  });
});
