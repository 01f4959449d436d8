import type { NafRef } from '@maillage/contracts';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';
import { nafLabel } from '../lib/format';
import { referentialsApi } from '../lib/referentials';

type NafSelectProps = Omit<RemoteSelectProps<NafRef>, 'search' | 'cacheKey' | 'toOption'>;

const toOption = (naf: NafRef) => ({ value: naf.code, label: nafLabel(naf) });

/** Searches NAF rev.2 codes by code or words: '25.62B — Mécanique industrielle'. */
export function NafSelect(props: NafSelectProps) {
  return <RemoteSelect {...props} minChars={2} search={referentialsApi.searchNaf} cacheKey="naf" toOption={toOption} />;
}
