import { refusal } from '#core/access/authorization';
import type { MemberCaller } from '#core/access/caller';
import { usageReachRefusal } from '#core/access/reach';
import type { TableStore } from '#core/table/store';

/** 403 for an `isolated` login asking for the usage of a service not assigned to it (core/access/reach.ts). */
export const assertReachesUsage = async (
  store: TableStore,
  caller: MemberCaller,
  serviceId: string
) => {
  const refused = usageReachRefusal(caller.membership, serviceId);
  if (refused) throw await refusal(caller.membership, refused, store);
};
