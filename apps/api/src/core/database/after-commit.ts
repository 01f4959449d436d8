import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * Runs work once the transaction of an EntityManager commits (dropped if it rolls back); at once
 * when the manager is not in a transaction. A savepoint released inside a longer transaction is not
 * the commit.
 */
export class AfterCommit {
  private readonly pending = new WeakMap<QueryRunner, (() => void)[]>();

  constructor(db: DataSource) {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        if (event.queryRunner.isTransactionActive) return;
        const work = this.pending.get(event.queryRunner);
        this.pending.delete(event.queryRunner);
        work?.forEach((fn) => fn());
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
      },
    };
    db.subscribers.push(subscriber);
  }

  run(manager: EntityManager, fn: () => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return fn();
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), fn]);
  }
}
