/**
 * Operators load usage records of one service in batches: VoIP call records
 * onto a `voip` service, traffic samples onto a `serverhousing` one. A batch
 * is one transaction: every record lands or none does. Records are upserts
 * keyed by their time and id (IP for traffic), so sending a batch again,
 * whole or in part, never duplicates a record.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { nowIso } from '#core/db';
import { fromServiceItem, getServiceCommand, type ServiceType } from '#core/entities/service';
import { upsertCallPut, upsertTrafficPut } from '#core/entities/usage';
import { ConflictError, NotFoundError } from '#core/errors';
import { writeTogether } from '#core/transact';
import type { UsageLoad } from './schemas.ts';

const RECORDS_FOR: Record<'calls' | 'traffic', ServiceType> = {
  calls: 'voip',
  traffic: 'serverhousing',
};

export interface UsageLoaded {
  serviceId: string;
  kind: 'calls' | 'traffic';
  loaded: number;
}

/** POST /staff/accounts/{accountId}/services/{serviceId}/usage: one GetItem, one transaction. */
export const loadUsage = async (
  ids: { accountId: string; serviceId: string },
  input: UsageLoad
): Promise<UsageLoaded> => {
  const kind = input.calls ? 'calls' : 'traffic';
  const { Item } = await dynamo.send(new GetCommand(getServiceCommand(tableName, ids)));
  if (!Item) throw new NotFoundError('The service does not exist.');
  const service = fromServiceItem(Item);
  if (service.type !== RECORDS_FOR[kind]) {
    throw new ConflictError(
      `This is a ${service.type} service; ${kind === 'calls' ? 'call records' : 'traffic samples'} load onto ${RECORDS_FOR[kind]} services only.`
    );
  }
  const loadedAt = nowIso();
  const puts = input.calls
    ? input.calls.map((call) => upsertCallPut(tableName, ids, call, loadedAt))
    : (input.traffic ?? []).map((sample) => upsertTrafficPut(tableName, ids, sample, loadedAt));
  // Upserts carry no condition: a cancelled batch (a concurrent write of the same record) wrote nothing.
  await writeTogether(
    puts.map((put) => ({ action: { Put: put } })),
    () => new ConflictError('The usage records could not be loaded; send the batch again.')
  );
  return { serviceId: service.id, kind, loaded: puts.length };
};
