import type { CommuneRef } from '@maillage/contracts';
import { communeLabel } from '../lib/format';
import { referentialsApi } from '../lib/referentials';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';

type CommuneSelectProps = Omit<RemoteSelectProps<CommuneRef>, 'search' | 'cacheKey' | 'toOption'>;

const toOption = (commune: CommuneRef) => ({ value: commune.code, label: communeLabel(commune) });

/** Searches French communes: 'Saint-Étienne (42) — Auvergne-Rhône-Alpes'. */
export function CommuneSelect(props: CommuneSelectProps) {
  return <RemoteSelect {...props} search={referentialsApi.searchCommunes} cacheKey="communes" toOption={toOption} />;
}
