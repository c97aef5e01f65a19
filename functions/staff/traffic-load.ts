/**
 * Loading traffic samples keeps each month's totals equal to the sum of the
 * samples stored for it, whatever is loaded twice or at the same time:
 *
 * 1. One consistent BatchGet reads the service, the batch's samples as they
 *    stand, and the months they fall in.
 * 2. Each sample adds to its month (UTC, by `at`) the difference between its
 *    new bytes and the bytes it counted before (nothing for a new sample).
 * 3. One transaction writes the samples, each on condition that it is still
 *    as read, and adds the differences with `ADD`.
 *
 * A reload of the same samples adds nothing; a corrected sample adds its
 * correction. When another load changed a sample (or a month's IPs) between
 * the read and the write, the transaction fails whole and the load reads
 * and tries again, so nothing is ever counted twice or lost.
 */

import { type GuardedWrite, writeTogether } from '#core/db/transact';
import { isServiceItem, serviceKeys } from '#core/entities/service';
import {
  addToTrafficMonthUpdate,
  ipsOfTrafficMonth,
  isTrafficMonthItem,
  MAX_IPS_PER_MONTH,
  monthOf,
  monthOfTrafficMonthItem,
  type TrafficMonthDelta,
  trafficMonthKeys,
} from '#core/entities/traffic-month';
import {
  isTrafficItem,
  replaceTrafficPut,
  type SampleBefore,
  type ServiceIds,
  sampleBefore,
  type TrafficSample,
  trafficKeys,
} from '#core/entities/usage';
import { ConflictError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { nowIso } from '#core/table/db';
import type { TableStore } from '#core/table/store';

/** Attempts of one load (each a BatchGet and a transaction) before it gives up with a 409. */
export const MAX_LOAD_ATTEMPTS = 4;

type MonthBefore = ReturnType<typeof ipsOfTrafficMonth>;

const sampleId = (sample: { at?: unknown; ip?: unknown }) => `${sample.at}#${sample.ip}`;

/**
 * What a batch adds to each month, from the samples and months as read.
 * Months the batch leaves unchanged (a pure reload) are left out.
 */
export const monthDeltas = (
  samples: readonly TrafficSample[],
  before: (sample: TrafficSample) => SampleBefore,
  monthBefore: (month: string) => MonthBefore
): TrafficMonthDelta[] => {
  const deltas = new Map<string, TrafficMonthDelta>();
  const knownOf = new Map<string, MonthBefore>();
  for (const sample of samples) {
    const month = monthOf(sample.at);
    const known = knownOf.get(month) ?? monthBefore(month);
    knownOf.set(month, known);
    let delta = deltas.get(month);
    if (!delta) {
      const ipCountBefore = known.ipCount;
      delta = { month, inBytes: 0, outBytes: 0, ips: new Map(), newIps: 0, ipCountBefore };
      deltas.set(month, delta);
    }
    const old = before(sample);
    const inBytes = sample.inBytes - (old.state === 'counted' ? old.inBytes : 0);
    const outBytes = sample.outBytes - (old.state === 'counted' ? old.outBytes : 0);
    const isNewIp = !known.ips.has(sample.ip);
    if (inBytes === 0 && outBytes === 0 && !isNewIp) continue;
    const ip = delta.ips.get(sample.ip);
    if (!ip && isNewIp) delta.newIps += 1;
    delta.ips.set(sample.ip, {
      inBytes: (ip?.inBytes ?? 0) + inBytes,
      outBytes: (ip?.outBytes ?? 0) + outBytes,
    });
    delta.inBytes += inBytes;
    delta.outBytes += outBytes;
  }
  return [...deltas.values()].filter((delta) => delta.ips.size > 0);
};

/** The batch would take a month past MAX_IPS_PER_MONTH: refused before anything is written. */
const assertIpsFit = (deltas: readonly TrafficMonthDelta[]) => {
  for (const delta of deltas) {
    const count = delta.ipCountBefore + delta.newIps;
    if (count > MAX_IPS_PER_MONTH) {
      throw new ConflictError(
        PROBLEM.trafficIpLimit,
        `In ${delta.month} this service would have traffic of ${count} IPs; one service keeps the totals of at most ${MAX_IPS_PER_MONTH} IPs a month.`
      );
    }
  }
};

/** A sample or a month changed between this load's read and its write. */
class ChangedMeanwhile extends Error {}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));

/**
 * Loads a batch of samples with their months' totals (see the module
 * comment). `checkService` refuses a missing service or one of another
 * type; it is given the service item of each attempt's read.
 */
export const loadTraffic = async (
  store: TableStore,
  ids: ServiceIds,
  samples: readonly TrafficSample[],
  checkService: (item: Record<string, unknown> | undefined) => void | Promise<void>
): Promise<void> => {
  const months = [...new Set(samples.map((sample) => monthOf(sample.at)))];
  for (let attempt = 1; ; attempt++) {
    const items = await store.getMany([
      serviceKeys(ids),
      ...samples.map((sample) => trafficKeys(ids, sample)),
      ...months.map((month) => trafficMonthKeys(ids, month)),
    ]);
    await checkService(items.find(isServiceItem));
    const stored = new Map(items.filter(isTrafficItem).map((item) => [sampleId(item), item]));
    const storedMonths = new Map(
      items.filter(isTrafficMonthItem).map((item) => [monthOfTrafficMonthItem(item), item])
    );
    const before = (sample: TrafficSample) => sampleBefore(stored.get(sampleId(sample)));
    const deltas = monthDeltas(samples, before, (month) =>
      ipsOfTrafficMonth(storedMonths.get(month))
    );
    assertIpsFit(deltas);
    const now = nowIso();
    const writes: GuardedWrite[] = [
      ...samples.map((sample) => ({
        action: { Put: replaceTrafficPut(ids, sample, now, before(sample)) },
      })),
      ...deltas.map((delta) => ({
        action: { Update: addToTrafficMonthUpdate(ids, delta, now) },
      })),
    ];
    try {
      await writeTogether(writes, () => new ChangedMeanwhile(), store);
      return;
    } catch (error) {
      // A failed condition, or another transaction on the same items at that moment.
      const lostRace = error instanceof ChangedMeanwhile || error instanceof ConflictError;
      if (!lostRace) throw error;
      if (attempt === MAX_LOAD_ATTEMPTS) {
        throw new ConflictError(
          PROBLEM.changedMeanwhile,
          'Other loads of this service kept changing the same samples; nothing of this batch was written. Send it again.'
        );
      }
      await pause(attempt);
    }
  }
};
