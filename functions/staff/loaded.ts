/**
 * What every operators' load shares: the audit actor, the external-id
 * marker lookup and write, and the answer's shape (created or not).
 */
import type { StaffCaller, StaffCheck } from '#core/access/caller';
import { auditWrite, type GuardedWrite } from '#core/db/transact';
import { type Account, accountKeys, fromAccountItem, isAccountItem } from '#core/entities/account';
import type { FieldChange } from '#core/entities/audit';
import {
  createExternalIdPut,
  EXTERNAL_KINDS,
  type ExternalIdMarker,
  type ExternalKind,
  externalIdKeys,
  fromExternalIdItem,
  getExternalIdCommand,
  isExternalIdItem,
} from '#core/entities/external-id';
import { NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';

/** A load either created the item (201) or found it by its external id (200). */
export interface Loaded<T> {
  value: T;
  created: boolean;
}

/**
 * The audit entry of a load, in its transaction. It stores the staff member
 * (customers see only "Helpdesk") and the loaded fields that changed.
 */
export const staffAuditWrite = (
  caller: StaffCaller,
  entry: { accountId: string; at: string; action: string; target: string },
  changes: Record<string, FieldChange>
): GuardedWrite =>
  auditWrite({
    ...entry,
    actor: { kind: 'staff', loginId: caller.staffId, name: caller.username },
    changes,
  });

export const readExternalId = async (
  store: TableStore,
  kind: ExternalKind,
  externalId: string
): Promise<ExternalIdMarker | undefined> => {
  const item = await store.get(getExternalIdCommand(kind, externalId));
  return item ? fromExternalIdItem(item) : undefined;
};

/** A load's external-id marker, read with the live staff check (one BatchGet). */
export const markerOfLoad = async (
  staffCheck: StaffCheck,
  kind: ExternalKind,
  externalId: string
): Promise<ExternalIdMarker | undefined> => {
  const item = (await staffCheck.read([externalIdKeys(kind, externalId)])).find(isExternalIdItem);
  return item ? fromExternalIdItem(item) : undefined;
};

/**
 * The account a load goes into and the load's external-id marker, in one
 * BatchGet with the live staff check; 404 when the account does not exist.
 */
export const accountAndMarker = async (
  staffCheck: StaffCheck,
  accountId: string,
  kind: ExternalKind,
  externalId: string
): Promise<{ account: Account; marker: ExternalIdMarker | undefined }> => {
  const items = await staffCheck.read([accountKeys(accountId), externalIdKeys(kind, externalId)]);
  const accountItem = items.find(isAccountItem);
  if (!accountItem) throw new NotFoundError(PROBLEM.notFound, 'The account does not exist.');
  const markerItem = items.find(isExternalIdItem);
  return {
    account: fromAccountItem(accountItem),
    marker: markerItem ? fromExternalIdItem(markerItem) : undefined,
  };
};

/** Another load of the same external id committed between our read and our write. */
class ExternalIdRace extends Error {}

/**
 * The marker of a created item, in its transaction; put it first, so that
 * losing a race on it is what the cancellation reports (see createOrReload).
 */
export const externalIdWrite = (marker: ExternalIdMarker): GuardedWrite => ({
  action: { Put: createExternalIdPut(marker) },
  onConditionFailed: () => new ExternalIdRace(),
});

/**
 * The flow of every load: a known external id is reloaded; an unknown one
 * is created, and if another load of the same id won the race meanwhile
 * (the create's marker write throws ExternalIdRace), this one reloads what
 * that one created, so two identical loads at once both succeed.
 */
export const createOrReload = async <T>(
  store: TableStore,
  kind: ExternalKind,
  externalId: string,
  known: ExternalIdMarker | undefined,
  steps: { create: () => Promise<T>; reload: (marker: ExternalIdMarker) => Promise<T> }
): Promise<Loaded<T>> => {
  if (known) return { value: await steps.reload(known), created: false };
  try {
    return { value: await steps.create(), created: true };
  } catch (error) {
    if (!(error instanceof ExternalIdRace)) throw error;
    const winner = await readExternalId(store, kind, externalId);
    if (!winner) throw error;
    return { value: await steps.reload(winner), created: false };
  }
};

/** GET /staff/external-ids/{kind}/{externalId}: which account (and service) an external id names. */
export const resolveExternalId = async (store: TableStore, kind: string, externalId: string) => {
  const known = EXTERNAL_KINDS.find((candidate) => candidate === kind);
  if (!known)
    throw new NotFoundError(
      PROBLEM.notFound,
      `Use one of ${EXTERNAL_KINDS.join(', ')} as the kind.`
    );
  const marker = await readExternalId(store, known, externalId);
  if (!marker)
    throw new NotFoundError(PROBLEM.notFound, `No ${known} has the external id ${externalId}.`);
  return {
    kind: marker.kind,
    externalId: marker.externalId,
    accountId: marker.accountId,
    ...(marker.serviceId === undefined ? {} : { serviceId: marker.serviceId }),
  };
};
