// Label hooks and search selects for the codes a network lists (communes, EPCI, NAF, parent networks).
import type { Network } from '@maillage/contracts';
import { RemoteSelect, type RemoteSelectProps } from '../../../components/RemoteSelect';
import { nafLabel } from '../../../lib/format';
import { referentialsApi, useCommune, useEpci, useNaf, type EpciRef } from '../../../lib/referentials';
import { networksApi } from '../api/networks.api';
import { useNetwork } from '../hooks/useNetworks';

export function useCommuneLabel(code: string): string {
  const commune = useCommune(code);
  return commune.data ? `${commune.data.name} (${commune.data.departement.code})` : code;
}

export function useEpciLabel(code: string): string {
  return useEpci(code).data?.name ?? code;
}

export function useNafLabel(code: string): string {
  const naf = useNaf(code);
  return naf.data ? nafLabel(naf.data) : code;
}

export function useNetworkLabel(id: string): string {
  return useNetwork(id).data?.name ?? '…';
}

type SelectProps<T> = Omit<RemoteSelectProps<T>, 'search' | 'cacheKey' | 'toOption'>;

const epciOption = (epci: EpciRef) => ({ value: epci.code, label: epci.name });

/** Searches EPCI (métropoles, communautés) by name. */
export function EpciSelect(props: SelectProps<EpciRef>) {
  return <RemoteSelect {...props} search={referentialsApi.searchEpcis} cacheKey="epcis" toOption={epciOption} />;
}

const networkOption = (network: Network) => ({ value: network.id, label: network.name });
const searchNetworks = (q: string, signal: AbortSignal) => networksApi.list({ q, page: 1, pageSize: 8 }, signal).then((page) => page.items);

/** Searches the networks the person may see, by name. */
export function NetworkSelect(props: SelectProps<Network>) {
  return <RemoteSelect {...props} search={searchNetworks} cacheKey="networks" toOption={networkOption} />;
}
