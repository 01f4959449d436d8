/** The moderation page of a network (queue, warnings, audit log): by its address when known, else by id. */
export function moderationPath(network: { id: string; slug?: string | null }): string {
  return `/reseaux/${encodeURIComponent(network.slug || network.id)}/moderation`;
}
