import type { SessionUser } from '@maillage/contracts';

export const STEERING_PATH = '/pilotage';
export const TERRITORY_STEERING_PATH = '/pilotage/territoire';

/**
 * Whether the steering pages exist for this person: the staff of a host organisation (animators,
 * administrators) and platform admins. The API decides which networks each of them may see.
 */
export function canSteer(user: SessionUser | null | undefined): boolean {
  return !!user && (user.platformRole === 'admin' || user.staffOf.length > 0);
}

/** Where a person lands after signing in without a page to go back to: a host's staff on their cockpit. */
export function landingPath(user: SessionUser): string {
  return user.staffOf.length > 0 ? STEERING_PATH : '/';
}

/** A network's steering tab (the network's page lives in the networks feature; its address is stable). */
export function networkSteeringPath(network: { id: string; slug?: string | null }): string {
  const key = network.slug && network.slug !== 'nouveau' ? network.slug : network.id;
  return `/reseaux/${encodeURIComponent(key)}/pilotage`;
}

/** The printable one-page action plan. */
export function printablePlanPath(planId: string): string {
  return `${STEERING_PATH}/plans/${encodeURIComponent(planId)}/imprimer`;
}

/** The page where a host organisation's admins set its identity (name, description, accent colour, logo). */
export function organizationBrandingPath(organizationId: string): string {
  return `${STEERING_PATH}/organisation/${encodeURIComponent(organizationId)}`;
}

/**
 * What a person may do with an organisation's identity page: its admins and platform admins edit it, its other staff
 * read it, anybody else gets the not-found page (the same answer as for an organisation that does not exist).
 */
export function organizationBrandingAccess(user: SessionUser | null | undefined, organizationId: string): 'edit' | 'read' | 'none' {
  if (!user) return 'none';
  const role = user.staffOf.find((s) => s.organizationId === organizationId)?.role;
  if (user.platformRole === 'admin' || role === 'admin') return 'edit';
  return role ? 'read' : 'none';
}
