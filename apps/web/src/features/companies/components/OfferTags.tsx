import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CompanyOffer } from '@maillage/contracts';
import { useCommune, useNaf } from '../../../lib/referentials';

/** INSEE région codes → names (a fixed list of 18). */
export const REGION_NAMES: Record<string, string> = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': "Provence-Alpes-Côte d'Azur",
  '94': 'Corse',
};

export function NafName({ code }: { code: string }) {
  const naf = useNaf(code);
  return <>{naf.data ? `${code} — ${naf.data.label}` : code}</>;
}

export function CommuneName({ code }: { code: string }) {
  const commune = useCommune(code);
  return <>{commune.data ? `${commune.data.name} (${commune.data.departement.code})` : code}</>;
}

export type Territory = CompanyOffer['territory'];

/** Each place of a territory, as text: 'Saint-Étienne (42)', 'Département 42', 'Auvergne-Rhône-Alpes'. */
export function territoryItems(territory: Territory, t: TFunction) {
  return [
    ...territory.regions.map((code) => ({
      key: `r:${code}`,
      label: <>{REGION_NAMES[code] ?? t('offers.territory.regionCode', { code })}</>,
    })),
    ...territory.departements.map((code) => ({ key: `d:${code}`, label: <>{t('offers.territory.departementCode', { code })}</> })),
    ...territory.communes.map((code) => ({ key: `c:${code}`, label: <CommuneName code={code} /> })),
  ];
}

/** The NAF codes, skills and territory of an offer or need, as labelled badge lists. */
export function OfferTags({ offer }: { offer: CompanyOffer }) {
  const { t } = useTranslation();
  const places = territoryItems(offer.territory, t);
  const rows = [
    {
      key: 'naf',
      label: t('offers.fields.naf'),
      items: offer.nafCodes.map((code) => ({ key: code, label: <NafName code={code} /> })),
      color: 'blue',
    },
    { key: 'skills', label: t('offers.fields.skills'), items: offer.skills.map((s) => ({ key: s, label: <>{s}</> })), color: 'teal' },
    { key: 'territory', label: t('offers.fields.territory'), items: places, color: 'gray' },
  ].filter((row) => row.items.length);
  return (
    <>
      {rows.map((row) => (
        <Group key={row.key} gap={6} align="center">
          <Text size="sm" fw={600} component="span">
            {row.label} :
          </Text>
          <Group gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {row.items.map((item) => (
              <li key={item.key}>
                <Badge variant="light" color={row.color} tt="none" style={{ maxWidth: '100%' }}>
                  {item.label}
                </Badge>
              </li>
            ))}
          </Group>
        </Group>
      ))}
    </>
  );
}
