// French reference data from the API (public): NAF codes, communes, headcount bands, legal forms.
import { useQuery } from '@tanstack/react-query';
import type { CommuneRef, NafRef } from '@maillage/contracts';
import { api } from './api';

/** Options offered by a search-as-you-type field: few enough to show without scrolling. */
const SEARCH_RESULTS = 8;

export interface HeadcountBandRef {
  code: string;
  label: string;
  labelEn: string;
}
export interface LegalFormRef {
  code: string;
  label: string;
}
/** 'metro', 'drom' (overseas départements) or 'com' (overseas collectivities). */
export interface RegionRef {
  code: string;
  name: string;
  zone: string;
}
export interface DepartementRef extends RegionRef {
  region: { code: string; name: string };
}
export interface EpciRef {
  code: string;
  name: string;
}

export const referentialsApi = {
  searchNaf: (q: string, signal?: AbortSignal) => api.get<NafRef[]>('/referentials/naf', { q, pageSize: SEARCH_RESULTS }, signal),
  searchCommunes: (q: string, signal?: AbortSignal) =>
    api.get<CommuneRef[]>('/referentials/communes', { q, pageSize: SEARCH_RESULTS }, signal),
  naf: (code: string) => api.get<NafRef>(`/referentials/naf/${encodeURIComponent(code)}`),
  commune: (code: string) => api.get<CommuneRef>(`/referentials/communes/${encodeURIComponent(code)}`),
  searchEpcis: (q: string, signal?: AbortSignal) => api.get<EpciRef[]>('/referentials/epcis', { q, pageSize: SEARCH_RESULTS }, signal),
  epci: (code: string) => api.get<EpciRef>(`/referentials/epcis/${encodeURIComponent(code)}`),
  departements: () => api.get<DepartementRef[]>('/referentials/departements'),
  regions: () => api.get<RegionRef[]>('/referentials/regions'),
  headcountBands: () => api.get<HeadcountBandRef[]>('/referentials/headcount-bands'),
  legalForms: () => api.get<LegalFormRef[]>('/referentials/legal-forms'),
};

/** These lists never change while the app runs. */
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export function useHeadcountBands() {
  return useQuery({ queryKey: ['referentials', 'headcount-bands'], queryFn: referentialsApi.headcountBands, ...forever });
}

export function useLegalForms() {
  return useQuery({ queryKey: ['referentials', 'legal-forms'], queryFn: referentialsApi.legalForms, ...forever });
}

export function useCommune(code: string | null | undefined) {
  return useQuery({
    queryKey: ['referentials', 'commune', code],
    queryFn: () => referentialsApi.commune(code ?? ''),
    enabled: !!code,
    ...forever,
  });
}

export function useNaf(code: string | null | undefined) {
  return useQuery({
    queryKey: ['referentials', 'naf', code],
    queryFn: () => referentialsApi.naf(code ?? ''),
    enabled: !!code,
    ...forever,
  });
}

export function useEpci(code: string | null | undefined) {
  return useQuery({
    queryKey: ['referentials', 'epci', code],
    queryFn: () => referentialsApi.epci(code ?? ''),
    enabled: !!code,
    ...forever,
  });
}

export function useDepartements() {
  return useQuery({ queryKey: ['referentials', 'departements'], queryFn: referentialsApi.departements, ...forever });
}

export function useRegions() {
  return useQuery({ queryKey: ['referentials', 'regions'], queryFn: referentialsApi.regions, ...forever });
}
