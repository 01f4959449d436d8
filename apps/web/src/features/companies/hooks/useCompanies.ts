import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Company } from '@maillage/contracts';
import { useHeadcountBands } from '../../../lib/referentials';
import { companiesApi, companyKeys } from '../api/companies.api';

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKeys.detail(id), queryFn: () => companiesApi.get(id) });
}

export function useCompanyMembers(id: string) {
  return useQuery({ queryKey: companyKeys.members(id), queryFn: () => companiesApi.members(id) });
}

export function useCompanyInvitations(id: string) {
  return useQuery({ queryKey: companyKeys.invitations(id), queryFn: () => companiesApi.invitations(id) });
}

export function useCompanyClaims(id: string) {
  return useQuery({ queryKey: companyKeys.claims(id), queryFn: () => companiesApi.claims(id) });
}

export function useCompanyOffers(id: string) {
  return useQuery({ queryKey: companyKeys.offers(id), queryFn: () => companiesApi.offers(id) });
}

/** After an offer or need changed: its list, the suggested opportunities (they depend on the offers), and search results. */
export function useRefreshOffers(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: companyKeys.offers(id) }),
      queryClient.invalidateQueries({ queryKey: ['opportunities', 'suggested', id] }),
      queryClient.invalidateQueries({ queryKey: ['directory'] }),
    ]);
  };
}

/** A change answered by the updated company: refresh its page and the "my companies" list. */
export function useCompanyMutation<Args>(mutationFn: (args: Args) => Promise<Company>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (company) => {
      queryClient.setQueryData(companyKeys.detail(company.id), company);
      void queryClient.invalidateQueries({ queryKey: companyKeys.mine });
    },
  });
}

/** The headcount band in the interface language (the company only carries the French label). */
export function useHeadcountBandLabel(band: { code: string; label: string } | null, language: string): string | null {
  const bands = useHeadcountBands();
  if (!band) return null;
  const known = bands.data?.find((b) => b.code === band.code);
  return language === 'en' && known ? known.labelEn : band.label;
}
