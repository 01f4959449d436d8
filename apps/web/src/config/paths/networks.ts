import type { Network } from '@maillage/contracts';

export const NETWORKS_PATH = '/reseaux';
export const NEW_NETWORK_PATH = '/reseaux/nouveau';

/** The tabs of a network's page and their path segments (e-mails link to '/reseaux/:id/membres'). */
export const NETWORK_TABS = {
  about: '',
  members: 'membres',
  forum: 'forum',
  agenda: 'agenda',
  documents: 'documents',
  newsletters: 'lettres',
  children: 'reseaux',
  steering: 'pilotage',
  history: 'historique',
  settings: 'parametres',
} as const;
export type NetworkTab = keyof typeof NETWORK_TABS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a page address names the network by id (otherwise by its slug). */
export function isNetworkId(value: string): boolean {
  return UUID.test(value);
}

/** The network's page, or one of its tabs: by its address when known ('/reseaux/club-du-forez'), else by id. */
export function networkPath(network: Pick<Network, 'id'> & Partial<Pick<Network, 'slug'>>, tab: NetworkTab = 'about'): string {
  const segment = NETWORK_TABS[tab];
  // 'nouveau' is the creation page.
  const key = network.slug && network.slug !== 'nouveau' ? network.slug : network.id;
  return `${NETWORKS_PATH}/${key}${segment ? `/${segment}` : ''}`;
}

export function tabOfSegment(segment: string | undefined): NetworkTab | null {
  if (!segment) return 'about';
  const found = (Object.keys(NETWORK_TABS) as NetworkTab[]).find((tab) => NETWORK_TABS[tab] === segment);
  return found ?? null;
}
