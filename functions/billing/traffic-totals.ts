/**
 * Monthly traffic totals of a serverhousing service: per UTC month, the
 * service's in/out bytes and each IP's. The load keeps one item per
 * service-month (core/entities/traffic-month.ts), so a report of up to
 * MAX_TOTALS_MONTHS months is one BatchGet with the service item, which
 * says whether the service exists here and is a serverhousing one: two
 * reads with the membership check.
 */

import type { MemberCaller } from '#core/access/caller';
import { fromServiceItem, isServiceItem, serviceKeys } from '#core/entities/service';
import {
  emptyTrafficMonth,
  fromTrafficMonthItem,
  isTrafficMonthItem,
  type TrafficMonth,
  trafficMonthKeys,
} from '#core/entities/traffic-month';
import type { ServiceIds } from '#core/entities/usage';
import { now } from '#core/platform/clock';
import { ConflictError, NotFoundError, ValidationError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import type { TrafficTotalsQuery } from './schemas.ts';
import { assertReachesUsage } from './usage-reach.ts';

/** The longest report: two years, month by month (the BatchGet then reads 25 keys). */
export const MAX_TOTALS_MONTHS = 24;
/** Without `from`, a report covers a year up to `to`. */
const DEFAULT_MONTHS = 12;

const monthIndex = (month: string) =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The months of a report, oldest first: `to` defaults to the current UTC
 * month, `from` to eleven months before `to`; both are included.
 */
export const reportMonths = (query: TrafficTotalsQuery, now: Date): string[] => {
  const to = query.to ?? now.toISOString().slice(0, 7);
  const from = query.from ?? monthAt(monthIndex(to) - (DEFAULT_MONTHS - 1));
  const count = monthIndex(to) - monthIndex(from) + 1;
  if (count < 1) {
    throw new ValidationError(PROBLEM.validationFailed, [
      {
        field: 'from',
        code: 'date_order',
        message: '`from` must not be after `to` (by default the current month).',
      },
    ]);
  }
  if (count > MAX_TOTALS_MONTHS) {
    throw new ValidationError(PROBLEM.validationFailed, [
      {
        field: 'from',
        code: 'too_many',
        maximum: MAX_TOTALS_MONTHS,
        message: `At most ${MAX_TOTALS_MONTHS} months per report.`,
      },
    ]);
  }
  return Array.from({ length: count }, (_, n) => monthAt(monthIndex(from) + n));
};

export interface TrafficTotals {
  serviceId: string;
  from: string;
  to: string;
  /** Every month of the window, oldest first; a month without samples shows zeros. */
  months: TrafficMonth[];
}

/** GET /accounts/{a}/services/{s}/traffic/totals */
export const trafficTotals = async (
  store: TableStore,
  caller: MemberCaller,
  ids: ServiceIds,
  query: TrafficTotalsQuery
): Promise<TrafficTotals> => {
  await assertReachesUsage(store, caller, ids.serviceId);
  const months = reportMonths(query, now());
  const items = await store.getMany([
    serviceKeys(ids),
    ...months.map((month) => trafficMonthKeys(ids, month)),
  ]);
  const serviceItem = items.find(isServiceItem);
  const service = serviceItem ? fromServiceItem(serviceItem) : undefined;
  if (!service || service.type === 'domain')
    throw new NotFoundError(PROBLEM.notFound, 'The service does not exist.');
  if (service.type !== 'serverhousing') {
    throw new ConflictError(
      PROBLEM.wrongServiceType,
      `This is a ${service.type} service; traffic is measured for serverhousing services only.`
    );
  }
  const stored = new Map(
    items.filter(isTrafficMonthItem).map((item) => {
      const month = fromTrafficMonthItem(item);
      return [month.month, month];
    })
  );
  return {
    serviceId: service.id,
    from: months[0] ?? '',
    to: months[months.length - 1] ?? '',
    months: months.map((month) => stored.get(month) ?? emptyTrafficMonth(month)),
  };
};
