/**
 * Sub-account logins of contacts, one function per route: activate
 * (core/workflows/login-activation.ts) or change permissions, suspend and resume, deactivate.
 * Each applies the rules of grant-rules.ts first.
 */

import type { MemberCaller } from '#core/access/caller';
import { signOutEverywhere } from '#core/access/login-sessions';
import { staleError } from '#core/db/concurrency';
import { writeTogether } from '#core/db/transact';
import { deleteMembershipDelete, patchMembershipUpdate } from '#core/entities/membership';
import { ConflictError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { actorOf, loadProfile } from '#core/workflows/account-profile';
import { activate } from '#core/workflows/login-activation';
import { auditWrites, nextImage } from '#core/workflows/login-change';
import { checkGrant, requestedAreas, targetOf } from './grant-rules.ts';
import type { SubAccountPut } from './schemas.ts';

/** PUT .../sub-account: activates a login for the contact, or changes its permissions. */
export const putSubAccount = async (
  store: TableStore,
  caller: MemberCaller,
  contactId: string,
  body: SubAccountPut
) => {
  const profile = await loadProfile(caller.membership.accountId, store);
  const contact = targetOf(caller, profile, contactId);
  const permissions = requestedAreas(body);
  checkGrant(caller, profile, permissions);

  if (contact.subAccount && contact.loginId) {
    // A field with no effect is refused rather than dropped: the login's password is its owner's.
    if (body.password !== undefined || body.invite !== undefined) {
      throw new ConflictError(
        PROBLEM.existingLoginPassword,
        'This contact already has a login, and its password is the person’s own: they change it ' +
          'when signed in, or reset it with “forgot password”. Send only the permissions to change them.',
        { field: body.password !== undefined ? 'password' : 'invite' }
      );
    }
    const next = nextImage(contact, { subAccount: { ...contact.subAccount, permissions } });
    await writeTogether(
      [
        ...auditWrites(actorOf(caller, profile), contact, next, 'sub-account.permissions.changed'),
        {
          action: {
            Update: patchMembershipUpdate(
              { loginId: contact.loginId, accountId: contact.accountId },
              { permissions, updatedAt: next.updatedAt }
            ),
          },
        },
      ],
      () => staleError({}),
      store
    );
    return next;
  }
  return activate(store, actorOf(caller, profile), profile, contact, permissions, body);
};

/** PATCH .../sub-account: suspend or resume; takes effect on the login's very next request. */
export const setSubAccountStatus = async (
  store: TableStore,
  caller: MemberCaller,
  contactId: string,
  status: 'active' | 'suspended'
) => {
  const profile = await loadProfile(caller.membership.accountId, store);
  const contact = targetOf(caller, profile, contactId);
  if (!contact.subAccount || !contact.loginId)
    throw new ConflictError(PROBLEM.noSubAccount, 'This contact has no sub-account.');
  if (contact.subAccount.status === 'invited') {
    // Resuming would open the account without its owner's consent.
    throw new ConflictError(
      PROBLEM.invitationPending,
      'The invitation has not been accepted yet: wait for the person, or withdraw it with DELETE.'
    );
  }
  // Resuming hands the permissions back: the same rule as granting them.
  if (status === 'active') checkGrant(caller, profile, contact.subAccount.permissions);
  if (contact.subAccount.status === status) return contact;
  const next = nextImage(contact, { subAccount: { ...contact.subAccount, status } });
  await writeTogether(
    [
      ...auditWrites(
        actorOf(caller, profile),
        contact,
        next,
        `sub-account.${status === 'active' ? 'resumed' : 'suspended'}`
      ),
      {
        action: {
          Update: patchMembershipUpdate(
            { loginId: contact.loginId, accountId: contact.accountId },
            { status, updatedAt: next.updatedAt }
          ),
        },
      },
    ],
    () => staleError({}),
    store
  );
  if (status === 'suspended') await signOutEverywhere(contact.loginId);
  return next;
};

/**
 * DELETE .../sub-account: the login leaves this account; the contact and the
 * person's other accounts stay. Idempotent: a contact without a sub-account
 * (already removed, say by a retried request) is answered as done.
 */
export const removeSubAccount = async (
  store: TableStore,
  caller: MemberCaller,
  contactId: string
) => {
  const profile = await loadProfile(caller.membership.accountId, store);
  const contact = targetOf(caller, profile, contactId);
  const loginId = contact.loginId;
  if (!contact.subAccount || !loginId) return contact;
  // A pending email change was the login's; it leaves with it.
  const { loginId: _removed, emailChange: _pending, ...rest } = contact;
  const next = nextImage(rest, { subAccount: null });
  await writeTogether(
    [
      ...auditWrites(actorOf(caller, profile), contact, next, 'sub-account.removed'),
      {
        action: {
          Delete: deleteMembershipDelete({ loginId, accountId: contact.accountId }),
        },
      },
    ],
    () => staleError({}),
    store
  );
  return next;
};
