import type { DataSource, EntityManager } from 'typeorm';

/**
 * Works through due rows batch by batch: `claimSql` selects up to `batch` ids with `FOR UPDATE SKIP LOCKED` (its last
 * parameter is the batch size); `each` handles one and marks it done, in the batch's transaction. A replica never
 * handles a row twice, and a failure leaves the batch to the next run. Returns how many rows were handled.
 */
export async function inClaimedBatches(
  db: DataSource,
  claimSql: string,
  params: unknown[],
  each: (tx: EntityManager, id: string) => Promise<void>,
  batch = 50,
): Promise<number> {
  let handled = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due: { id: string }[] = await tx.query(claimSql, [...params, batch]);
      for (const { id } of due) await each(tx, id);
      return due.length;
    });
    handled += count;
    if (count < batch) return handled;
  }
}
