import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionState, SessionUser } from '@maillage/contracts';
import { api, onUnauthorized } from './api';
import { notify } from './notify';

/** The session as the API sees it: a visitor gets `user: null`, not an error. */
const readSession = async (): Promise<SessionUser | null> => (await api.get<SessionState>('/auth/session')).user;

export const SESSION_KEY = ['session'] as const;

/** The signed-in person (null when anonymous); `isPending` until the first answer. */
export function useSession() {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: readSession, staleTime: 5 * 60_000 });
  const user = query.data ?? null;
  return { user, isPending: query.isPending, isAdmin: user?.platformRole === 'admin' };
}

/** Session changes seen by the whole app: sign-in stores the user, sign-out forgets every cached answer. */
export function useSessionActions() {
  const queryClient = useQueryClient();
  return {
    signedIn: (user: SessionUser) => {
      queryClient.setQueryData(SESSION_KEY, user);
      // What was fetched anonymously (edit rights, contacts…) is out of date.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
    update: (patch: Partial<SessionUser>) =>
      queryClient.setQueryData<SessionUser | null>(SESSION_KEY, (user) => (user ? { ...user, ...patch } : user)),
    signedOut: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  };
}

/** A 401 on an API call means the session ended (expired, or closed from another device). */
export function useSessionExpiry() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthorized(() => {
        if (!queryClient.getQueryData(SESSION_KEY)) return;
        queryClient.setQueryData(SESSION_KEY, null);
        notify.error(t('errors.codes.UNAUTHENTICATED'));
      }),
    [queryClient, t],
  );
}
