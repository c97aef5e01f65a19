/**
 * Operators load usage records of one service in batches: VoIP call records
 * onto a `voip` service, traffic samples onto a `serverhousing` one. A batch
 * is one transaction: every record lands or none does. Records are keyed by
 * their time and id (IP for traffic), so sending a batch again, whole or in
 * part, never duplicates a record. Traffic also keeps its monthly totals
 * (traffic-load.ts).
 */
import { writeTogether } from '#core/db/transact';
import { fromServiceItem, getServiceCommand, type ServiceType } from '#core/entities/service';
import { upsertCallPut } from '#core/entities/usage';
import { ConflictError, NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { nowIso } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import type { UsageLoad } from './schemas.ts';
import { loadTraffic } from './traffic-load.ts';

const RECORDS_FOR: Record<'calls' | 'traffic', ServiceType> = {
  calls: 'voip',
  traffic: 'serverhousing',
};

export interface UsageLoaded {
  serviceId: string;
  kind: 'calls' | 'traffic';
  loaded: number;
}

/** Refuses a missing service (404) and one that does not take this kind of record (409). */
const checkService =
  (kind: 'calls' | 'traffic') =>
  (item: Record<string, unknown> | undefined): void => {
    if (!item) throw new NotFoundError(PROBLEM.notFound, 'The service does not exist.');
    const service = fromServiceItem(item);
    if (service.type !== RECORDS_FOR[kind]) {
      throw new ConflictError(
        PROBLEM.wrongServiceType,
        `This is a ${service.type} service; ${kind === 'calls' ? 'call records' : 'traffic samples'} load onto ${RECORDS_FOR[kind]} services only.`
      );
    }
  };

/**
 * POST /staff/accounts/{accountId}/services/{serviceId}/usage. Calls: one
 * GetItem, one transaction. Traffic: one BatchGet, one transaction (again
 * for a load that lost a race, see traffic-load.ts).
 */
export const loadUsage = async (
  store: TableStore,
  ids: { accountId: string; serviceId: string },
  input: UsageLoad
): Promise<UsageLoaded> => {
  if (input.traffic) {
    await loadTraffic(store, ids, input.traffic, checkService('traffic'));
    return { serviceId: ids.serviceId, kind: 'traffic', loaded: input.traffic.length };
  }
  const calls = input.calls ?? [];
  const item = await store.get(getServiceCommand(ids));
  checkService('calls')(item);
  const loadedAt = nowIso();
  // Upserts carry no condition: a cancelled batch (a concurrent write of the same record) wrote nothing.
  await writeTogether(
    calls.map((call) => ({ action: { Put: upsertCallPut(ids, call, loadedAt) } })),
    () =>
      new ConflictError(
        PROBLEM.changedMeanwhile,
        'The usage records could not be loaded; send the batch again.'
      ),
    store
  );
  return { serviceId: ids.serviceId, kind: 'calls', loaded: calls.length };
};
