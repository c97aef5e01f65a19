/**
 * What every operators' load shares: the audit actor, the external-id
 * marker lookup, and the answer's shape (created or not).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { newId } from '#core/db';
import { createAuditPut, type FieldChange } from '#core/entities/audit';
import {
  EXTERNAL_KINDS,
  type ExternalIdMarker,
  type ExternalKind,
  fromExternalIdItem,
  getExternalIdCommand,
} from '#core/entities/external-id';
import { NotFoundError } from '#core/errors';
import type { StaffCaller } from '#core/http/types';
import type { GuardedWrite } from '#core/transact';

/** A load either created the item (201) or found it by its external id (200). */
export interface Loaded<T> {
  value: T;
  created: boolean;
}

/**
 * The audit entry of a load, in its transaction. It names the staff member
 * (staff have no contact in the account) and the loaded fields that changed.
 */
export const staffAuditWrite = (
  caller: StaffCaller,
  entry: { accountId: string; at: string; action: string; target: string },
  changes: Record<string, FieldChange>
): GuardedWrite => ({
  action: {
    Put: createAuditPut(tableName, {
      id: newId(),
      ...entry,
      actor: { loginId: caller.staffId, name: `${caller.username} (staff)` },
      changes,
    }),
  },
});

export const readExternalId = async (
  kind: ExternalKind,
  externalId: string
): Promise<ExternalIdMarker | undefined> => {
  const { Item } = await dynamo.send(
    new GetCommand(getExternalIdCommand(tableName, kind, externalId))
  );
  return Item ? fromExternalIdItem(Item) : undefined;
};

/** Another load of the same external id committed between our read and our write. */
export class ExternalIdRace extends Error {}

/**
 * The flow of every load: a known external id is reloaded; an unknown one
 * is created, and if another load of the same id won the race meanwhile
 * (the create's marker write throws ExternalIdRace), this one reloads what
 * that one created, so two identical loads at once both succeed.
 */
export const createOrReload = async <T>(
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
    const winner = await readExternalId(kind, externalId);
    if (!winner) throw error;
    return { value: await steps.reload(winner), created: false };
  }
};

/** GET /staff/external-ids/{kind}/{externalId}: which account (and service) an external id names. */
export const resolveExternalId = async (kind: string, externalId: string) => {
  const known = EXTERNAL_KINDS.find((candidate) => candidate === kind);
  if (!known) throw new NotFoundError(`Use one of ${EXTERNAL_KINDS.join(', ')} as the kind.`);
  const marker = await readExternalId(known, externalId);
  if (!marker) throw new NotFoundError(`No ${known} has the external id ${externalId}.`);
  return {
    kind: marker.kind,
    externalId: marker.externalId,
    accountId: marker.accountId,
    ...(marker.serviceId === undefined ? {} : { serviceId: marker.serviceId }),
  };
};
