import type { ReactNode } from 'react';
import { Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from './ErrorAlert';

interface QueryContentProps<T> {
  query: UseQueryResult<T>;
  /** Shown while loading; a few skeleton lines by default. */
  loading?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading skeleton, then the data, or a translated error with a retry button. */
export function QueryContent<T>({ query, loading, children }: QueryContentProps<T>) {
  if (query.isPending) return <>{loading ?? <LoadingLines />}</>;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export function LoadingLines({ lines = 3 }: { lines?: number }) {
  return (
    <Stack gap="sm" aria-hidden>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} height={18} width={i === lines - 1 ? '60%' : '100%'} />
      ))}
    </Stack>
  );
}
