import type { PlatformRole } from '@maillage/contracts';

/** Who is acting: a signed-in person, or null for anonymous visitors. */
export interface Actor {
  personId: string;
  platformRole: PlatformRole;
}
export type MaybeActor = Actor | null;
