// Renders a component inside the app's providers (Mantine, query cache, i18n) and a memory router.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { QueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@maillage/contracts';
import { Providers } from '../app/providers';
import { SESSION_KEY } from '../lib/session';
import '../lib/i18n';

export const testUser: SessionUser = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'ada@example.fr',
  firstName: 'Ada',
  lastName: 'Lovelace',
  locale: 'fr',
  platformRole: 'user',
  emailVerified: true,
  staffOf: [],
};

interface Options {
  route?: string;
  /** The signed-in person; null for an anonymous visitor. */
  user?: SessionUser | null;
}

export function renderWithProviders(ui: ReactElement, { route = '/', user = null }: Options = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(SESSION_KEY, user);
  const result = render(
    <Providers queryClient={queryClient} env="test">
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </Providers>,
  );
  return { ...result, queryClient };
}
