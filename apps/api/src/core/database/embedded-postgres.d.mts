export function startEmbeddedPostgres(
  dataDir: string | null,
  options?: { maxConnections?: number },
): Promise<{ url: string; stop: () => Promise<void> }>;
