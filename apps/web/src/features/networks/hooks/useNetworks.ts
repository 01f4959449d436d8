import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Network, Organization } from '@maillage/contracts';
import { api } from '../../../lib/api';
import { networkKeys, networksApi, type NetworkListQuery } from '../api/networks.api';
import { isNetworkId } from '../../../config/paths/networks';

export function useNetworkList(query: NetworkListQuery) {
  return useQuery({
    queryKey: networkKeys.list(query),
    queryFn: ({ signal }) => networksApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** A network by id or by its address (slug). */
export function useNetwork(idOrSlug: string) {
  return useQuery({
    queryKey: networkKeys.detail(idOrSlug),
    queryFn: () => (isNetworkId(idOrSlug) ? networksApi.get(idOrSlug) : networksApi.getBySlug(idOrSlug)),
  });
}

export function useNetworkMembers(id: string, enabled = true) {
  return useQuery({ queryKey: networkKeys.members(id), queryFn: () => networksApi.members(id), enabled });
}

export function useNetworkHistory(id: string) {
  return useQuery({ queryKey: networkKeys.history(id), queryFn: () => networksApi.history(id) });
}

/** Host and referent organisations (a public list; the same cache as the administration's). */
export function useOrganizations() {
  return useQuery({ queryKey: ['organizations'], queryFn: () => api.get<Organization[]>('/organizations'), staleTime: 5 * 60_000 });
}

/** After a change: the network (counts, my memberships), its members, its history and the directory. */
export function useRefreshNetwork(id: string) {
  const queryClient = useQueryClient();
  return async (network?: Network) => {
    if (network) queryClient.setQueryData(networkKeys.detail(id), network);
    await queryClient.invalidateQueries({ queryKey: networkKeys.all });
  };
}

export function useNetworkChildren(id: string) {
  return useQuery({ queryKey: networkKeys.children(id), queryFn: () => networksApi.children(id) });
}

/** The networks asking to join this federation (for its managers only). */
export function useFederationRequests(id: string, enabled: boolean) {
  return useQuery({ queryKey: networkKeys.federationRequests(id), queryFn: () => networksApi.federationRequests(id), enabled });
}

export function useNetworkInvitations(id: string) {
  return useQuery({ queryKey: networkKeys.invitations(id), queryFn: () => networksApi.invitations(id) });
}
