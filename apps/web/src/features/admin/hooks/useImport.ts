import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { importKeys, importsApi, isActive } from '../api/imports.api';

/** Polled for the live progress bar while running. */
const POLL_MS = 1000;

/** One import, re-read every second while it runs; the lists are refreshed when it ends. */
export function useImport(id: string | null) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: () => importsApi.get(id ?? ''),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? POLL_MS : false),
  });
  const running = query.data ? isActive(query.data) : false;
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running)
      void client.invalidateQueries({ queryKey: importKeys.all, predicate: (q) => q.queryKey[2] === 'page' });
    wasRunning.current = running;
  }, [running, client]);
  return query;
}
