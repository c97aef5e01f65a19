/**
 * Ending a login's sessions. Cognito access tokens cannot be revoked on the
 * spot (and the local emulator has no global sign-out), so Portico records a
 * time on the login profile and on each membership: a token whose session
 * began earlier (`auth_time`) is refused by the membership check and by the
 * login's own routes. Cognito's global sign-out is still asked for, to stop
 * refresh tokens where it works.
 */
import { AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { updateIf } from '../db/transact.ts';
import { patchIfExists } from '../entities/item-writes.ts';
import { isLoginItem, loginKeys } from '../entities/login.ts';
import {
  fromMembershipItem,
  isMembershipItem,
  loginPartitionQuery,
  patchMembershipUpdate,
} from '../entities/membership.ts';
import { cognito, userPoolId } from '../platform/clients/cognito.ts';
import { nowIso } from '../platform/clock.ts';
import { logger } from '../platform/observability.ts';
import type { TableStore } from '../table/store.ts';

/** Best effort: the recorded time or the live membership check already refuses the next request. */
export const signOutEverywhere = async (loginId: string) => {
  try {
    await cognito().send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: loginId })
    );
  } catch (error) {
    logger.warn('global sign-out failed; the membership check still applies', { loginId, error });
  }
};

/** A time strictly after now, in the epoch seconds of a token's `auth_time`. */
export const nextSecond = (now = Date.now()) => Math.floor(now / 1000) + 1;

/**
 * Refuses every session of the login that began before `notBefore`, on the
 * profile and on each of its memberships (one Query, one Update each).
 */
export const endSessionsBefore = async (loginId: string, notBefore: number, store: TableStore) => {
  const updatedAt = nowIso();
  const items = (await store.query(loginPartitionQuery(loginId))).items;
  if (items.some(isLoginItem)) {
    await updateIf(
      patchIfExists(loginKeys(loginId), { sessionsNotBefore: notBefore, updatedAt }),
      store
    );
  }
  for (const membership of items.filter(isMembershipItem).map(fromMembershipItem)) {
    await updateIf(
      patchMembershipUpdate(membership, { sessionsNotBefore: notBefore, updatedAt }),
      store
    );
  }
  await signOutEverywhere(loginId);
};
