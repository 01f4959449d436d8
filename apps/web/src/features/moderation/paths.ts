/** The moderation page of a network (queue, warnings, audit log). */
export function moderationPath(networkId: string): string {
  return `/reseaux/${encodeURIComponent(networkId)}/moderation`;
}
