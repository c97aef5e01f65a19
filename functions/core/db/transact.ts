/**
 * One TransactWriteItems for a change and everything that must happen with
 * it. Each write may say what its failed condition means; a failure on a
 * write that does not say is reported by `otherwise` (usually "stale").
 */
import { type AuditEntry, createAuditPut } from '../entities/audit.ts';
import { createOutboxPut, type OutboxTask } from '../entities/outbox.ts';
import { ConflictError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import { cancellations, newId, type TransactItem, type TransactUpdate } from '../table/db.ts';
import { type TableStore, updateIf as updateIfIn } from '../table/store.ts';

export interface GuardedWrite {
  action: TransactItem;
  /** `current` is the item as it stands, for actions that asked for it (ALL_OLD). */
  onConditionFailed?: (current?: Record<string, unknown>) => Error;
}

const concurrentChange = () =>
  new ConflictError(
    PROBLEM.changedMeanwhile,
    'Another change to the same data was being made at that moment; try again.'
  );

export const writeTogether = async (
  writes: GuardedWrite[],
  otherwise: () => Error,
  store: TableStore
): Promise<void> => {
  try {
    await store.transact(writes.map((write) => write.action));
  } catch (error) {
    const reasons = cancellations(error) ?? [];
    const failed = reasons.findIndex((reason) => reason.code === 'ConditionalCheckFailed');
    if (failed >= 0)
      throw writes[failed]?.onConditionFailed?.(reasons[failed]?.item) ?? otherwise();
    // Two transactions on the same items at the same moment (a double click): the client retries.
    if (reasons.some((reason) => reason.code === 'TransactionConflict')) throw concurrentChange();
    throw error;
  }
};

/** Outbox tasks as writes of the same transaction: they happen if and only if the change does. */
export const outboxWrites = (accountId: string, now: string, tasks: OutboxTask[]): GuardedWrite[] =>
  tasks.map((task) => ({ action: { Put: createOutboxPut(task, { accountId, now }) } }));

/** The audit entry of a change, as a write of the same transaction (a fresh id each time). */
export const auditWrite = (entry: Omit<AuditEntry, 'id'>): GuardedWrite => ({
  action: { Put: createAuditPut({ id: newId(), ...entry }) },
});

/** One conditional update on its own: true when it applied, false when its condition refused it. */
export const updateIf = (update: TransactUpdate, store: TableStore) => updateIfIn(store, update);
