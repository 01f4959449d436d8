import type { Network } from '@maillage/contracts';

export const NETWORKS_PATH = '/reseaux';
export const NEW_NETWORK_PATH = '/reseaux/nouveau';

/** The tabs of a network's page and their path segments (e-mails link to '/reseaux/:id/membres'). */
export const NETWORK_TABS = {
  about: '',
  members: 'membres',
  forum: 'forum',
  children: 'reseaux',
  history: 'historique',
  settings: 'parametres',
} as const;
export type NetworkTab = keyof typeof NETWORK_TABS;

/** The network's page, or one of its tabs (by id: the API answers networks by id). */
export function networkPath(network: Pick<Network, 'id'>, tab: NetworkTab = 'about'): string {
  const segment = NETWORK_TABS[tab];
  return `${NETWORKS_PATH}/${network.id}${segment ? `/${segment}` : ''}`;
}

export function tabOfSegment(segment: string | undefined): NetworkTab | null {
  if (!segment) return 'about';
  const found = (Object.keys(NETWORK_TABS) as NetworkTab[]).find((tab) => NETWORK_TABS[tab] === segment);
  return found ?? null;
}
