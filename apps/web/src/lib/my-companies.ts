import { useQuery } from '@tanstack/react-query';
import type { CompanySummary } from '@maillage/contracts';
import { api } from './api';

// The companies the signed-in person belongs to, with their role in each: like the session, several
// features read them (joining a network, the home page), so they live here rather than in one feature.
export const MY_COMPANIES_KEY = ['companies', 'mine'] as const;

export const myCompaniesApi = {
  mine: () => api.get<CompanySummary[]>('/companies/mine'),
};

export function useMyCompanies() {
  return useQuery({ queryKey: MY_COMPANIES_KEY, queryFn: () => myCompaniesApi.mine() });
}
