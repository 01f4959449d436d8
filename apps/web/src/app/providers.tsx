import { useState, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '../lib/query-client';
import { cssVariablesResolver, theme } from './theme';

/** Theme, notifications and the query cache (i18n is initialised by importing lib/i18n). */
export function Providers({ children, queryClient, env }: { children: ReactNode; queryClient?: QueryClient; env?: 'test' }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light" env={env}>
        <Notifications position="top-right" limit={4} />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
