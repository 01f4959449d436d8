import { useCallback, useRef, useState } from 'react';

export interface QueuedUpload {
  key: string;
  name: string;
  size: number;
  /** 0 to 1. */
  progress: number;
  status: 'waiting' | 'uploading' | 'done' | 'error';
  error: unknown;
}

type Send = (file: File, onProgress: (fraction: number) => void) => Promise<unknown>;

/** How many files go up at once. */
const PARALLEL = 2;
let counter = 0;

/**
 * Several files sent one after another (two at a time), each with its progress and outcome; `onEach`
 * runs after every successful upload (to refresh the list as files arrive).
 */
export function useUploadQueue(onEach: () => void) {
  const [items, setItems] = useState<QueuedUpload[]>([]);
  const onEachRef = useRef(onEach);
  onEachRef.current = onEach;

  const patch = (key: string, change: Partial<QueuedUpload>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const start = useCallback((files: File[], send: Send) => {
    const batch = files.map((file) => ({ file, key: `upload-${++counter}` }));
    setItems((current) => [
      ...current.filter((item) => item.status !== 'done'),
      ...batch.map(({ file, key }): QueuedUpload => ({
        key,
        name: file.name,
        size: file.size,
        progress: 0,
        status: 'waiting',
        error: null,
      })),
    ]);
    const pending = [...batch];
    const worker = async () => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        const { file, key } = next;
        patch(key, { status: 'uploading' });
        try {
          await send(file, (progress) => patch(key, { progress }));
          patch(key, { status: 'done', progress: 1 });
          onEachRef.current();
        } catch (error) {
          patch(key, { status: 'error', error });
        }
      }
    };
    return Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, worker)).then(() => undefined);
  }, []);

  const dismiss = useCallback((key: string) => setItems((current) => current.filter((item) => item.key !== key)), []);
  const clearFinished = useCallback(
    () => setItems((current) => current.filter((item) => item.status === 'uploading' || item.status === 'waiting')),
    [],
  );

  return { items, start, dismiss, clearFinished };
}
