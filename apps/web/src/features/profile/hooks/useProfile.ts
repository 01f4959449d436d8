import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PersonProfile } from '@maillage/contracts';
import { useSessionActions } from '../../../lib/session';
import { profileApi, profileKeys } from '../api/profile.api';

export function useMyProfile() {
  return useQuery({ queryKey: profileKeys.me, queryFn: profileApi.me });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: profileKeys.person(id), queryFn: () => profileApi.person(id) });
}

/** Every change of my profile answers the new profile: keep it, and the session's name, up to date. */
export function useProfileMutation<Args>(mutationFn: (args: Args) => Promise<PersonProfile>) {
  const queryClient = useQueryClient();
  const session = useSessionActions();
  return useMutation({
    mutationFn,
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKeys.me, profile);
      queryClient.setQueryData(profileKeys.person(profile.id), profile);
      session.update({ firstName: profile.firstName, lastName: profile.lastName });
    },
  });
}
