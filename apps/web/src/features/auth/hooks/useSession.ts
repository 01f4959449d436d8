import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@maillage/contracts';
import { authApi } from '../api/auth.api';

export const SESSION_KEY = ['session'] as const;

/** The signed-in person (null when anonymous); `isPending` until the first answer. */
export function useSession() {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: authApi.me, staleTime: 5 * 60_000 });
  const user = query.data ?? null;
  return { user, isPending: query.isPending, isAdmin: user?.platformRole === 'admin' };
}

/** Session changes seen by the whole app: sign-in stores the user, sign-out forgets every cached answer. */
export function useSessionActions() {
  const queryClient = useQueryClient();
  return {
    signedIn: (user: SessionUser) => queryClient.setQueryData(SESSION_KEY, user),
    update: (patch: Partial<SessionUser>) =>
      queryClient.setQueryData<SessionUser | null>(SESSION_KEY, (user) => (user ? { ...user, ...patch } : user)),
    signedOut: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  };
}
