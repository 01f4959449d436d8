import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionPlan, CockpitQuery, MaturityAssessmentInput, NetworkSheetInput, RegionalQuery } from '@maillage/contracts';
import { useSession } from '../../../lib/session';
import { steeringApi, steeringKeys } from '../api/steering.api';
import { canSteer } from './access';

/**
 * What the signed-in person may open. Host staff and admins are known from the session at once; a
 * network's animator who is nobody's staff is known once the API answered.
 */
export function useSteeringAccess() {
  const { user } = useSession();
  const me = useQuery({ queryKey: steeringKeys.me, queryFn: steeringApi.me, enabled: !!user, staleTime: 5 * 60_000 });
  return {
    canSteer: canSteer(user) || !!me.data?.canSteer,
    canSeeRegional: !!user && (user.platformRole === 'admin' || user.staffOf.length > 0 || !!me.data?.canSeeRegional),
    access: me.data,
    isPending: !!user && me.isPending && !canSteer(user),
  };
}

export function useCockpit(query: CockpitQuery) {
  return useQuery({
    queryKey: steeringKeys.cockpit(query),
    queryFn: ({ signal }) => steeringApi.cockpit(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSteeringOpportunities() {
  return useQuery({ queryKey: steeringKeys.opportunities, queryFn: steeringApi.opportunities });
}

export function useNetworkIndicators(networkId: string) {
  return useQuery({ queryKey: steeringKeys.indicators(networkId), queryFn: () => steeringApi.indicators(networkId) });
}

export function useActionPlans(networkId: string) {
  return useQuery({ queryKey: steeringKeys.plans(networkId), queryFn: () => steeringApi.plans(networkId) });
}

export function useActionPlan(planId: string | null) {
  return useQuery({ queryKey: steeringKeys.plan(planId ?? ''), queryFn: () => steeringApi.plan(planId ?? ''), enabled: !!planId });
}

export function usePlanHistory(planId: string, enabled: boolean) {
  return useQuery({ queryKey: steeringKeys.planHistory(planId), queryFn: () => steeringApi.planHistory(planId), enabled });
}

export function useMaturity(networkId: string) {
  return useQuery({ queryKey: steeringKeys.maturity(networkId), queryFn: () => steeringApi.maturity(networkId) });
}

export function useNetworkSheet(networkId: string) {
  return useQuery({ queryKey: steeringKeys.sheet(networkId), queryFn: () => steeringApi.sheet(networkId) });
}

export function useRegionalView(query: RegionalQuery) {
  return useQuery({
    queryKey: steeringKeys.regional(query),
    queryFn: ({ signal }) => steeringApi.regional(query, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * After a change to a plan: the plan answered by the API replaces the cached one; the network's list
 * of plans, the plan's history and the cockpit (progress, late actions) are read again.
 */
export function usePlanChanged() {
  const queryClient = useQueryClient();
  return (plan: ActionPlan) => {
    queryClient.setQueryData(steeringKeys.plan(plan.id), plan);
    void queryClient.invalidateQueries({ queryKey: steeringKeys.plans(plan.networkId) });
    void queryClient.invalidateQueries({ queryKey: steeringKeys.planHistory(plan.id) });
    void queryClient.invalidateQueries({ queryKey: ['steering', 'cockpit'] });
  };
}

/** Any change of an open plan that answers the whole plan (objectives, actions, indicators, entries). */
export function usePlanMutation<V>(run: (variables: V) => Promise<ActionPlan>) {
  const changed = usePlanChanged();
  return useMutation({ mutationFn: run, onSuccess: changed });
}

export function useAssessMaturity(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MaturityAssessmentInput) => steeringApi.assess(networkId, body),
    onSuccess: (overview) => {
      queryClient.setQueryData(steeringKeys.maturity(networkId), overview);
      // The stage shows on the network's page, in the cockpit and in the regional view.
      void queryClient.invalidateQueries({ queryKey: ['networks'] });
      void queryClient.invalidateQueries({ queryKey: ['steering', 'cockpit'] });
      void queryClient.invalidateQueries({ queryKey: ['steering', 'regional'] });
      void queryClient.invalidateQueries({ queryKey: steeringKeys.indicators(networkId) });
    },
  });
}

export function useSaveSheet(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NetworkSheetInput) => steeringApi.saveSheet(networkId, body),
    onSuccess: (sheet) => {
      queryClient.setQueryData(steeringKeys.sheet(networkId), sheet);
      void queryClient.invalidateQueries({ queryKey: ['steering', 'regional'] });
    },
  });
}

/** The network's events over a plan's year (to link them to actions). */
export function useNetworkEvents(networkId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: steeringKeys.events(networkId, from, to),
    queryFn: () => steeringApi.networkEvents(networkId, from, to),
    enabled,
    staleTime: 60_000,
  });
}

export function useSteeringSettings(organizationId: string) {
  return useQuery({ queryKey: steeringKeys.settings(organizationId), queryFn: () => steeringApi.settings(organizationId) });
}

export function useSaveSteeringSettings(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dormantAfterDays: number) => steeringApi.saveSettings(organizationId, { dormantAfterDays }),
    onSuccess: (settings) => {
      queryClient.setQueryData(steeringKeys.settings(organizationId), settings);
      // The alerts depend on the threshold.
      void queryClient.invalidateQueries({ queryKey: steeringKeys.me });
      void queryClient.invalidateQueries({ queryKey: ['steering', 'cockpit'] });
      void queryClient.invalidateQueries({ queryKey: ['steering', 'regional'] });
    },
  });
}
