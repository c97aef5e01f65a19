import * as z from 'zod/mini';
import { fieldPattern, fieldRule } from '#core/http/field-rules';
import { cursorSchema, instantSchema, ipAddressSchema, queryInteger } from '#core/http/schemas';

/** `limit` of the usage lists: records are small, so pages may be longer than other lists. */
const usageLimit = queryInteger(1, 500, 100);

const windowFields = {
  from: z.optional(instantSchema),
  to: z.optional(instantSchema),
  cursor: z.optional(cursorSchema),
  limit: usageLimit,
};

const fromBeforeTo = fieldRule<{ from?: string; to?: string }>(
  'date_order',
  (query) => query.from === undefined || query.to === undefined || query.from < query.to,
  '`from` must be before `to`.',
  { path: ['to'] }
);

/** `?from=&to=&cursor=&limit=`: the window `[from, to)`, oldest first. */
export const callsQuerySchema = z
  .strictObject(windowFields)
  .check(fromBeforeTo)
  .register(z.globalRegistry, { id: 'CallsQuery' });

export type CallsQuery = z.output<typeof callsQuerySchema>;

/** As the calls, plus `ip` for one address's samples. */
export const trafficQuerySchema = z
  .strictObject({
    ...windowFields,
    ip: z.optional(ipAddressSchema),
  })
  .check(fromBeforeTo)
  .register(z.globalRegistry, { id: 'TrafficQuery' });

export type TrafficQuery = z.output<typeof trafficQuerySchema>;

const monthSchema = z
  .string()
  .check(
    z.maxLength(7),
    fieldPattern('invalid_date', /^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month as YYYY-MM, like 2026-03.')
  )
  .register(z.globalRegistry, { example: '2026-03' });

/**
 * `?from=YYYY-MM&to=YYYY-MM`: the months of a totals report, both included
 * (UTC). The defaults and the longest window are applied by the report
 * (billing/traffic-totals.ts), which knows the current month.
 */
export const trafficTotalsQuerySchema = z
  .strictObject({ from: z.optional(monthSchema), to: z.optional(monthSchema) })
  .register(z.globalRegistry, { id: 'TrafficTotalsQuery' });

export type TrafficTotalsQuery = z.output<typeof trafficTotalsQuerySchema>;
