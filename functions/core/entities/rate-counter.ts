/**
 * Fixed-window rate counters: one item per subject and window, counted with
 * a conditional increment so a full window refuses atomically. The window
 * start is in the key, so an expired window is simply never read again; TTL
 * only tidies up.
 */
import type { TransactUpdate } from '../table/db.ts';
import { PREFIX, TABLE } from '../table/table.ts';

export interface RateWindow {
  /** What is counted, e.g. `email#a@b.c` or `ip#203.0.113.9`. */
  subject: string;
  limit: number;
  windowSeconds: number;
}

export const windowStart = (now: Date, windowSeconds: number) =>
  Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;

/** Seconds until the window that holds `now` ends: how long a refused caller waits (at least 1). */
export const secondsLeftInWindow = (now: Date, windowSeconds: number) =>
  Math.max(1, windowStart(now, windowSeconds) + windowSeconds - Math.floor(now.getTime() / 1000));

export const rateCounterKeys = (subject: string, start: number) => ({
  [TABLE.partitionKey]: `${PREFIX.rateCounter}${subject}`,
  [TABLE.sortKey]: String(start),
});

/** Counts one more event in the window, only while it is under the limit. */
export const takeRateTokenUpdate = (window: RateWindow, now: Date): TransactUpdate => {
  const start = windowStart(now, window.windowSeconds);
  return {
    Key: rateCounterKeys(window.subject, start),
    UpdateExpression: 'SET #ttl = :ttl ADD #count :one',
    ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
    ExpressionAttributeNames: { '#count': 'count', '#ttl': TABLE.ttlAttribute },
    ExpressionAttributeValues: {
      ':one': 1,
      ':limit': window.limit,
      ':ttl': start + 2 * window.windowSeconds,
    },
  };
};
