/**
 * The rules every change of a sub-account login obeys: nobody grants an
 * area they do not hold, nobody changes their own login, nobody gives a
 * login to, changes, suspends or removes a login holding more than they do
 * (areas or support reach, core/access/reach.ts), and the primary's login is the
 * account holder's alone. A refusal names the areas the caller may open and
 * whom to ask.
 */

import type { MemberCaller } from '#core/access/caller';
import { loginRefusal, type ReachRefusal } from '#core/access/reach';
import { type Contact, contactDisplayName } from '#core/entities/contact';
import { ConflictError, ForbiddenError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { AREAS, type Area, allowedAreas } from '#core/rules/permissions';
import { contactIn, type Profile } from '#core/workflows/account-profile';
import type { SubAccountPut } from './schemas.ts';

const primaryOf = (profile: Profile) => profile.contacts.find((contact) => contact.isPrimary);

const refuse = (caller: MemberCaller, profile: Profile, { problem, area, detail }: ReachRefusal) =>
  new ForbiddenError(problem, detail, {
    area,
    allowedAreas: allowedAreas(caller.membership),
    grantedBy: {
      name: contactDisplayName(
        primaryOf(profile) ?? { firstName: 'the account', lastName: 'holder' }
      ),
    },
  });

/**
 * The contact whose login the caller wants to manage, after the rules that
 * do not depend on the grant: not the primary's, not the caller's own, and
 * not one holding or reaching more than the caller (every sub-account route
 * goes through here: activate, change, suspend, resume, remove).
 */
export const targetOf = (caller: MemberCaller, profile: Profile, contactId: string): Contact => {
  const contact = contactIn(profile, contactId);
  if (contact.isPrimary)
    throw new ConflictError(
      PROBLEM.primaryContactProtected,
      'The primary contact’s login is the account holder’s; it cannot be changed here.'
    );
  if (contact.loginId && contact.loginId === caller.loginId) {
    throw refuse(caller, profile, {
      problem: PROBLEM.selfChangeRefused,
      area: 'contacts',
      detail: 'A login cannot change its own permissions or status; ask the account holder.',
    });
  }
  const beyond = loginRefusal(caller.membership, contact);
  if (beyond) throw refuse(caller, profile, beyond);
  return contact;
};

/** Every area in `areas` must be one the caller may open itself. */
export const checkGrant = (caller: MemberCaller, profile: Profile, areas: readonly Area[]) => {
  const held = allowedAreas(caller.membership);
  const missing = areas.filter((area) => !held.includes(area));
  const [first] = missing;
  if (first)
    throw refuse(caller, profile, {
      problem: PROBLEM.grantBeyondOwn,
      area: first,
      detail: `You cannot grant areas you do not hold: ${missing.join(', ')}.`,
    });
};

/** The areas a PUT asks for: every area for the `full` preset, else the known ones it lists. */
export const requestedAreas = (body: SubAccountPut): Area[] =>
  body.preset === 'full' ? [...AREAS] : AREAS.filter((area) => body.permissions?.includes(area));
