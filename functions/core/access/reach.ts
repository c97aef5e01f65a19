/**
 * No login reaches more, directly or through the logins and contacts it
 * creates, than it holds itself. A login holds permission areas and a
 * support reach: `none` reaches no service, `isolated` the services
 * assigned to its contact, `global` every service of the account. The
 * primary login holds every area and reaches everything.
 *
 * The rules are pure: each returns the refusal (the area to name and a
 * detail saying which rule was hit and whom to ask) or `undefined`, and
 * reads only the caller's membership and the contact at hand, which the
 * request has already loaded. Contacts, logins and support assignment all
 * call them; the caller turns a refusal into the usual 403.
 */
import { type Contact, contactDisplayName, type SupportScope } from '../entities/contact.ts';
import type { Membership } from '../entities/membership.ts';
import { PROBLEM, type ProblemType } from '../platform/problem-types.ts';
import { type Area, allowedAreas } from '../rules/permissions.ts';

/** What a login holds, as its membership states it. */
export type Holder = Pick<
  Membership,
  'role' | 'permissions' | 'supportScope' | 'supportServiceIds'
>;

export interface SupportReach {
  scope: SupportScope;
  /** The services an `isolated` reach covers (ignored for the other scopes). */
  serviceIds: readonly string[];
}

export interface ReachRefusal {
  problem: ProblemType<403>;
  area: Area;
  detail: string;
}

/** The contact a rule looks at: its support, its login and who it is. */
export type ReachTarget = Pick<
  Contact,
  'firstName' | 'lastName' | 'supportScope' | 'assignedServices' | 'loginId' | 'subAccount'
>;

const RANK: Record<SupportScope, number> = { none: 0, isolated: 1, global: 2 };

export const reachOfLogin = (holder: Holder): SupportReach =>
  holder.role === 'primary'
    ? { scope: 'global', serviceIds: [] }
    : { scope: holder.supportScope, serviceIds: holder.supportServiceIds };

export const reachOfContact = (
  contact: Pick<Contact, 'supportScope' | 'assignedServices'>
): SupportReach => ({
  scope: contact.supportScope,
  serviceIds: contact.assignedServices.map((service) => service.id),
});

export const reachesService = (reach: SupportReach, serviceId: string): boolean =>
  reach.scope === 'global' || (reach.scope === 'isolated' && reach.serviceIds.includes(serviceId));

/**
 * True when `inner` reaches nothing `outer` does not: a wider scope is
 * more, and so is an `isolated` reach holding a service `outer` lacks.
 */
export const reachCovers = (outer: SupportReach, inner: SupportReach): boolean => {
  if (RANK[inner.scope] > RANK[outer.scope]) return false;
  return (
    inner.scope !== 'isolated' ||
    outer.scope === 'global' ||
    inner.serviceIds.every((id) => outer.serviceIds.includes(id))
  );
};

const whyWider = (target: SupportReach, own: SupportReach) =>
  RANK[target.scope] > RANK[own.scope]
    ? `support scope "${target.scope}" is wider than yours ("${own.scope}")`
    : 'support covers services yours does not';

/**
 * Giving a login to `target`, changing its permissions, status, support
 * scope or assignments, removing it or deleting its contact: only a login
 * holding every area it holds and reaching every service it reaches may.
 * `area` is named when the support reach is what is missing.
 */
export const loginRefusal = (
  caller: Holder,
  target: ReachTarget,
  area: Area = 'contacts'
): ReachRefusal | undefined => {
  if (caller.role === 'primary') return undefined;
  const name = contactDisplayName(target);
  const held = allowedAreas(caller);
  const missing = allowedAreas({
    role: 'sub-account',
    permissions: target.subAccount?.permissions ?? [],
  }).filter((candidate) => !held.includes(candidate));
  const [first] = missing;
  if (first) {
    return {
      problem: PROBLEM.loginHoldsMore,
      area: first,
      detail:
        `${name}’s login holds areas you do not (${missing.join(', ')}). A login can be ` +
        'changed, suspended or removed only by one holding at least as much; ask the account holder.',
    };
  }
  const own = reachOfLogin(caller);
  const theirs = reachOfContact(target);
  if (reachCovers(own, theirs)) return undefined;
  return {
    problem: PROBLEM.loginReachesMore,
    area,
    detail:
      `${name}’s ${whyWider(theirs, own)}. Only a login reaching at least as far can give ` +
      'this contact a login or change its login or support; ask the account holder.',
  };
};

/**
 * Setting a contact's support scope (`before` is undefined for a new
 * contact): never wider than the caller's own scope, and a contact with a
 * login only under `loginRefusal`. Leaving the scope as it is is no change.
 */
export const supportScopeRefusal = (
  caller: Holder,
  before: ReachTarget | undefined,
  scope: SupportScope | undefined
): ReachRefusal | undefined => {
  if (caller.role === 'primary' || scope === undefined) return undefined;
  if (before && before.supportScope === scope) return undefined;
  const own = reachOfLogin(caller);
  if (RANK[scope] > RANK[own.scope]) {
    return {
      problem: PROBLEM.supportScopeTooWide,
      area: 'contacts',
      detail:
        `You cannot give a contact the support scope "${scope}": it is wider than your own ` +
        `("${own.scope}"); ask the account holder.`,
    };
  }
  return before?.loginId ? loginRefusal(caller, before) : undefined;
};

/** Assigning or resetting support on a service or domain: only for one the caller reaches itself. */
export const serviceReachRefusal = (
  caller: Holder,
  serviceId: string,
  area: 'services:manage' | 'domains:manage'
): ReachRefusal | undefined => {
  const own = reachOfLogin(caller);
  if (caller.role === 'primary' || reachesService(own, serviceId)) return undefined;
  const what = area === 'domains:manage' ? 'domain' : 'service';
  return {
    problem: PROBLEM.serviceOutOfReach,
    area,
    detail:
      `Your support reach (scope "${own.scope}") does not include this ${what}, and support ` +
      'contacts can be assigned or reset only where you reach yourself; ask the account holder.',
  };
};

/**
 * Reading a service's usage (calls, traffic and its totals): a login whose
 * support scope is `isolated` was narrowed by the holder to the services
 * assigned to it, so it reads the usage of those only. Scope `none` says
 * nothing about services (a bookkeeper reading the telephone bill): there,
 * as for `global`, the `usage` area alone decides.
 */
export const usageReachRefusal = (caller: Holder, serviceId: string): ReachRefusal | undefined => {
  if (caller.role === 'primary' || caller.supportScope !== 'isolated') return undefined;
  if (caller.supportServiceIds.includes(serviceId)) return undefined;
  return {
    problem: PROBLEM.usageOutOfReach,
    area: 'usage',
    detail:
      'Your login reaches only the services assigned to you, and this service is not one of ' +
      'them, so its usage stays hidden; ask the account holder.',
  };
};
