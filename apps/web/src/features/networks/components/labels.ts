// Display helpers shared by the network pages.
import { useTranslation } from 'react-i18next';
import type { Network, NetworkMember, NetworkTerritory } from '@maillage/contracts';
import { useDepartements, useRegions } from '../../../lib/referentials';

export function memberName(member: Pick<NetworkMember, 'tradeName' | 'legalName'>): string {
  return member.tradeName ?? member.legalName;
}

/** 'Auvergne-Rhône-Alpes · Loire (42) · 3 communes': names from the referentials, counts for the rest. */
export function useTerritoryLabel(territory: NetworkTerritory): string {
  const { t } = useTranslation();
  const regions = useRegions();
  const departements = useDepartements();
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const departementName = (code: string) => {
    const name = departements.data?.find((d) => d.code === code)?.name;
    return name ? `${name} (${code})` : code;
  };
  const parts = [
    ...territory.regions.map(regionName),
    ...territory.departements.map(departementName),
    territory.epcis.length ? t('networks.territory.epcis', { count: territory.epcis.length }) : null,
    territory.communes.length ? t('networks.territory.communes', { count: territory.communes.length }) : null,
  ].filter((part): part is string => !!part);
  return parts.length ? parts.join(' · ') : t('networks.territory.none');
}

/** The visibility badge's colour: public networks are the common case. */
export const VISIBILITY_COLORS: Record<Network['visibility'], string> = { public: 'teal', private: 'orange', secret: 'grape' };
