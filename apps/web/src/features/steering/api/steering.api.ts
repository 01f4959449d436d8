import {
  API_PREFIX,
  type AgendaEventSummary,
  type ActionInput,
  type ActionPlan,
  type ActionPlanCopyInput,
  type ActionPlanCreateInput,
  type ActionPlanHistoryEntry,
  type ActionPlanSummary,
  type ActionPlanUpdateInput,
  type CockpitQuery,
  type CockpitResponse,
  type IndicatorEntryInput,
  type MaturityAssessmentInput,
  type MaturityOverview,
  type NetworkIndicators,
  type NetworkSheet,
  type NetworkSheetInput,
  type ObjectiveInput,
  type PlanIndicatorInput,
  type RegionalQuery,
  type RegionalView,
  type SteeringAccess,
  type SteeringSettings,
  type SteeringSettingsInput,
  type SteeringOpportunities,
} from '@maillage/contracts';
import { api, type Query } from '../../../lib/api';

export const steeringKeys = {
  all: ['steering'] as const,
  me: ['steering', 'me'] as const,
  opportunities: ['steering', 'opportunities'] as const,
  cockpit: (query: CockpitQuery) => ['steering', 'cockpit', query] as const,
  indicators: (networkId: string) => ['steering', 'network', networkId, 'indicators'] as const,
  plans: (networkId: string) => ['steering', 'network', networkId, 'plans'] as const,
  plan: (planId: string) => ['steering', 'plan', planId] as const,
  planHistory: (planId: string) => ['steering', 'plan', planId, 'history'] as const,
  maturity: (networkId: string) => ['steering', 'network', networkId, 'maturity'] as const,
  sheet: (networkId: string) => ['steering', 'network', networkId, 'sheet'] as const,
  regional: (query: RegionalQuery) => ['steering', 'regional', query] as const,
  /** The network's events of a period, to link them to actions (the agenda's public list endpoint). */
  networkEvents: (networkId: string, from: string, to: string) =>
    api.get<AgendaEventSummary[]>('/agenda/events', { networkId, from: `${from}T00:00:00`, to: `${to}T23:59:59` }),
  settings: (organizationId: string) => ['steering', 'settings', organizationId] as const,
  events: (networkId: string, from: string, to: string) => ['steering', 'network', networkId, 'events', from, to] as const,
};

const id = encodeURIComponent;
const network = (networkId: string) => `/steering/networks/${id(networkId)}`;
const plan = (planId: string) => `/steering/action-plans/${id(planId)}`;

/** A query string for a download link (the same filters as the JSON answer). */
function search(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const steeringApi = {
  me: () => api.get<SteeringAccess>('/steering/me'),
  opportunities: () => api.get<SteeringOpportunities>('/steering/opportunities'),
  cockpit: (query: CockpitQuery, signal?: AbortSignal) => api.get<CockpitResponse>('/steering/cockpit', { ...query }, signal),
  /** Exports are plain links: the browser downloads them with the session cookie. */
  cockpitExportUrl: (format: 'csv' | 'xlsx', query: CockpitQuery) => {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    return `${API_PREFIX}/steering/cockpit.${format}${search({ ...filters })}`;
  },
  indicators: (networkId: string) => api.get<NetworkIndicators>(`${network(networkId)}/indicators`),
  plans: (networkId: string) => api.get<ActionPlanSummary[]>(`${network(networkId)}/action-plans`),
  createPlan: (networkId: string, body: ActionPlanCreateInput) => api.post<ActionPlan>(`${network(networkId)}/action-plans`, body),
  plan: (planId: string) => api.get<ActionPlan>(plan(planId)),
  updatePlan: (planId: string, body: ActionPlanUpdateInput) => api.patch<ActionPlan>(plan(planId), body),
  deletePlan: (planId: string) => api.delete(plan(planId)),
  copyPlan: (planId: string, body: ActionPlanCopyInput) => api.post<ActionPlan>(`${plan(planId)}/copy`, body),
  planHistory: (planId: string) => api.get<ActionPlanHistoryEntry[]>(`${plan(planId)}/history`),
  addObjective: (planId: string, body: ObjectiveInput) => api.post<ActionPlan>(`${plan(planId)}/objectives`, body),
  updateObjective: (objectiveId: string, body: Partial<ObjectiveInput>) =>
    api.patch<ActionPlan>(`/steering/objectives/${id(objectiveId)}`, body),
  deleteObjective: (objectiveId: string) => api.delete<ActionPlan>(`/steering/objectives/${id(objectiveId)}`),
  addAction: (planId: string, body: ActionInput) => api.post<ActionPlan>(`${plan(planId)}/actions`, body),
  updateAction: (actionId: string, body: Partial<ActionInput>) => api.patch<ActionPlan>(`/steering/actions/${id(actionId)}`, body),
  deleteAction: (actionId: string) => api.delete<ActionPlan>(`/steering/actions/${id(actionId)}`),
  addIndicator: (planId: string, body: PlanIndicatorInput) => api.post<ActionPlan>(`${plan(planId)}/indicators`, body),
  updateIndicator: (indicatorId: string, body: Partial<PlanIndicatorInput>) =>
    api.patch<ActionPlan>(`/steering/indicators/${id(indicatorId)}`, body),
  deleteIndicator: (indicatorId: string) => api.delete<ActionPlan>(`/steering/indicators/${id(indicatorId)}`),
  addEntry: (indicatorId: string, body: IndicatorEntryInput) =>
    api.post<ActionPlan>(`/steering/indicators/${id(indicatorId)}/entries`, body),
  deleteEntry: (entryId: string) => api.delete<ActionPlan>(`/steering/indicator-entries/${id(entryId)}`),
  maturity: (networkId: string) => api.get<MaturityOverview>(`${network(networkId)}/maturity`),
  assess: (networkId: string, body: MaturityAssessmentInput) => api.post<MaturityOverview>(`${network(networkId)}/maturity`, body),
  sheet: (networkId: string) => api.get<NetworkSheet>(`${network(networkId)}/sheet`),
  saveSheet: (networkId: string, body: NetworkSheetInput) => api.put<NetworkSheet>(`${network(networkId)}/sheet`, body),
  regional: (query: RegionalQuery, signal?: AbortSignal) => api.get<RegionalView>('/steering/regional', { ...query }, signal),
  schemaExportUrl: (format: 'csv' | 'xlsx', query: RegionalQuery) =>
    `${API_PREFIX}/steering/regional/schema.${format}${search({ ...query })}`,
  /** The network's events of a period, to link them to actions (the agenda's public list endpoint). */
  networkEvents: (networkId: string, from: string, to: string) =>
    api.get<AgendaEventSummary[]>('/agenda/events', { networkId, from: `${from}T00:00:00`, to: `${to}T23:59:59` }),
  settings: (organizationId: string) => api.get<SteeringSettings>(`/steering/organizations/${id(organizationId)}/settings`),
  saveSettings: (organizationId: string, body: SteeringSettingsInput) =>
    api.put<SteeringSettings>(`/steering/organizations/${id(organizationId)}/settings`, body),
};
