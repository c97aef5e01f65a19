/**
 * The one place that decides whether a login may act on an account, and
 * whether a staff login may act at all: the live membership or staff item
 * (not the token) is what counts, on every request.
 */
import { contactDisplayName, contactKeys, fromContactItem } from '../entities/contact.ts';
import { sessionStillValid } from '../entities/login.ts';
import {
  fromMembershipItem,
  getMembershipCommand,
  type Membership,
} from '../entities/membership.ts';
import { fromStaffItem, getStaffCommand, isStaffItem, staffKeys } from '../entities/staff.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import { allowedAreas, mayOpen } from '../rules/permissions.ts';
import type { TableStore } from '../table/store.ts';
import type { ReachRefusal } from './reach.ts';

/** Same answer for "no such account" and "not yours": existence is never revealed. */
const notAMember = () => new NotFoundError(PROBLEM.notFound, 'The account does not exist.');

/** The session began before the login's password was taken over by its mailbox owner. */
export const sessionEnded = () =>
  new UnauthorizedError(
    PROBLEM.sessionEnded,
    'This session has ended; sign in again with your current password.'
  );

export const authorizeMember = async (
  loginId: string,
  accountId: string,
  /** `area: null`: any active membership (routes on the caller's own contact). */
  { area, primaryOnly = false }: { area: string | null; primaryOnly?: boolean },
  authTime: number,
  store: TableStore
): Promise<Membership> => {
  const item = await store.get(getMembershipCommand({ loginId, accountId }));
  if (!item) throw notAMember();
  const membership = fromMembershipItem(item);
  // Until its owner accepts, an invitation opens nothing, and says nothing either.
  if (membership.status === 'invited') throw notAMember();
  if (!sessionStillValid(membership, authTime)) throw sessionEnded();
  if (membership.status !== 'active') {
    throw new ForbiddenError(
      PROBLEM.loginSuspended,
      'Your login is suspended on this account. Ask the account holder to restore it.',
      { ...(area ? { area } : {}), allowedAreas: [], grantedBy: await grantorOf(membership, store) }
    );
  }
  if (area === null) return membership;
  if (!mayOpen(membership, area)) {
    throw new ForbiddenError(
      PROBLEM.areaNotGranted,
      `Your login may not open "${area}" on this account.`,
      {
        area,
        allowedAreas: allowedAreas(membership),
        grantedBy: await grantorOf(membership, store),
      }
    );
  }
  if (primaryOnly && membership.role !== 'primary') {
    throw new ForbiddenError(
      PROBLEM.primaryOnly,
      'Only the primary login (the account holder) may do this.',
      {
        area,
        allowedAreas: allowedAreas(membership),
        grantedBy: await grantorOf(membership, store),
      }
    );
  }
  return membership;
};

/** The primary contact's name, so a denied user knows whom to ask. */
const grantorOf = async (membership: Membership, store: TableStore): Promise<{ name: string }> => {
  const item = await store.get({
    Key: contactKeys({ accountId: membership.accountId, contactId: membership.primaryContactId }),
  });
  return { name: item ? contactDisplayName(fromContactItem(item)) : 'the account holder' };
};

/**
 * A 403 for a rule a route checks itself (after the area check passed): the
 * same shape as the authorizer's, one more read on this error path only.
 */
export const refusal = async (
  membership: Membership,
  { problem, area, detail }: ReachRefusal,
  store: TableStore
) =>
  new ForbiddenError(problem, detail, {
    area,
    allowedAreas: allowedAreas(membership),
    grantedBy: await grantorOf(membership, store),
  });

type Key = Record<string, string>;
type Item = Record<string, unknown>;

/**
 * A staff token stays valid until it expires (up to an hour); the staff item
 * is what says the login may still act. Missing (never added, or removed)
 * and disabled read the same: 401, as for a token Cognito revoked, so the
 * staff console signs in again and Cognito then decides.
 */
const refuseUnlessActiveStaff = (item: Item | undefined) => {
  if (!item || fromStaffItem(item).status !== 'active') {
    throw new UnauthorizedError(
      PROBLEM.staffLoginInactive,
      'This staff login is disabled or removed.'
    );
  }
};

/** BatchGetItem takes at most 100 keys; the staff item is one of them. */
const MAX_KEYS_WITH_STAFF = 99;

/**
 * The live staff check: one consistent read of the staff item. `alsoRead`
 * are keys the route reads first anyway: they come back from the same
 * consistent BatchGet, so the check costs a staff route no extra call
 * (keys past the 99th, say an email that is a contact of 100 accounts,
 * in a second one).
 * Returns the items of `alsoRead` that exist, once the check has passed.
 */
export const authorizeStaff = async (
  staffId: string,
  alsoRead: Key[],
  store: TableStore
): Promise<Item[]> => {
  if (alsoRead.length === 0) {
    refuseUnlessActiveStaff(await store.get(getStaffCommand(staffId)));
    return [];
  }
  const first = alsoRead.slice(0, MAX_KEYS_WITH_STAFF);
  const rest = alsoRead.slice(MAX_KEYS_WITH_STAFF);
  const items = await store.getMany([staffKeys(staffId), ...first]);
  const staff = items.find((item) => isStaffItem(item) && item.staffId === staffId);
  refuseUnlessActiveStaff(staff);
  const others = items.filter((item) => item !== staff);
  return rest.length ? [...others, ...(await store.getMany(rest))] : others;
};
