import { refusal } from '#core/authorization';
import type { MemberCaller } from '#core/http/types';
import { usageReachRefusal } from '#core/reach';

/** 403 for an `isolated` login asking for the usage of a service not assigned to it (core/reach.ts). */
export const assertReachesUsage = async (caller: MemberCaller, serviceId: string) => {
  const refused = usageReachRefusal(caller.membership, serviceId);
  if (refused) throw await refusal(caller.membership, refused);
};
