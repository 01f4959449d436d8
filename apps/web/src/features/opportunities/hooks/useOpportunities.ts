import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api';
import { useSession } from '../../../lib/session';
import { opportunitiesApi, opportunityKeys, type OpportunityListQuery } from '../api/opportunities.api';

export function useOpportunityList(query: OpportunityListQuery) {
  return useQuery({
    queryKey: opportunityKeys.list(query),
    queryFn: ({ signal }) => opportunitiesApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: opportunityKeys.one(id), queryFn: () => opportunitiesApi.get(id), retry: false });
}

export function useOpportunityMatches(id: string, enabled: boolean) {
  return useQuery({ queryKey: opportunityKeys.matches(id), queryFn: () => opportunitiesApi.matches(id), enabled });
}

export function useOpportunityResponses(id: string, enabled: boolean) {
  return useQuery({ queryKey: opportunityKeys.responses(id), queryFn: () => opportunitiesApi.responses(id), enabled });
}

/** The opportunity's mini-grappe, or null when there is none the person may see (404). */
export function useOpportunityGroup(id: string, enabled: boolean) {
  return useQuery({
    queryKey: opportunityKeys.group(id),
    queryFn: () => opportunitiesApi.group(id).catch((error: unknown) => (isApiError(error, 404) ? null : Promise.reject(error))),
    enabled,
  });
}

/** Who the lead may designate as the group's CCI supporter (asked only of the lead). */
export function useSupporterCandidates(id: string, enabled: boolean) {
  return useQuery({ queryKey: opportunityKeys.supporterCandidates(id), queryFn: () => opportunitiesApi.supporterCandidates(id), enabled });
}

export function useActingCompanies() {
  const { user } = useSession();
  return useQuery({ queryKey: opportunityKeys.myCompanies, queryFn: opportunitiesApi.myCompanies, enabled: !!user });
}

export function useSuggestedOpportunities(companyId: string, enabled: boolean) {
  return useQuery({ queryKey: opportunityKeys.suggested(companyId), queryFn: () => opportunitiesApi.suggested(companyId), enabled });
}

/** Refetches everything shown of opportunities (after a change). */
export function useRefreshOpportunities() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: opportunityKeys.all });
}
