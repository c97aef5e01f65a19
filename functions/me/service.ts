/**
 * "Who am I": the login's own profile and every account it belongs to, with
 * its role and the areas it may open there.
 */
import { sessionEnded } from '#core/access/authorization';
import type { LoginCaller } from '#core/access/caller';
import { accountKeys, fromAccountItem } from '#core/entities/account';
import { fromLoginItem, isLoginItem, sessionStillValid } from '#core/entities/login';
import {
  fromMembershipItem,
  isMembershipItem,
  loginPartitionQuery,
} from '#core/entities/membership';
import { NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { allowedAreas } from '#core/rules/permissions';
import type { TableStore } from '#core/table/store';
import { mayAnswer } from './invitations.ts';

export const describeLogin = async (store: TableStore, { loginId, authTime }: LoginCaller) => {
  const { items } = await store.query(loginPartitionQuery(loginId));
  const profileItem = items.find(isLoginItem);
  if (!profileItem)
    throw new NotFoundError(PROBLEM.noProfile, 'This login has no client-area profile yet.');
  const profile = fromLoginItem(profileItem);
  if (!sessionStillValid(profile, authTime)) throw sessionEnded();
  const memberships = items.filter(isMembershipItem).map(fromMembershipItem);
  const joined = memberships.filter((membership) => membership.status !== 'invited');
  const invited = memberships.filter(
    (membership) => membership.status === 'invited' && mayAnswer(profile, membership.accountId)
  );

  const accounts = memberships.length
    ? (await store.getMany(memberships.map((m) => accountKeys(m.accountId)))).map(fromAccountItem)
    : [];
  const accountNames = new Map(accounts.map((account) => [account.id, account.name]));

  return {
    id: profile.loginId,
    name: profile.name,
    email: profile.email,
    accounts: joined
      .filter((membership) => accountNames.has(membership.accountId))
      .map((membership) => ({
        accountId: membership.accountId,
        accountName: accountNames.get(membership.accountId) ?? '',
        role: membership.role,
        status: membership.status,
        permissions: membership.status === 'active' ? allowedAreas(membership) : [],
        // The login's own contact there, and the support it gives (what its portal menus show).
        contactId: membership.contactId,
        supportScope: membership.supportScope,
        assignedServiceIds: membership.supportServiceIds,
      })),
    // Accounts waiting for this login's answer (POST or DELETE /me/invitations/{accountId}).
    invitations: invited
      .filter((membership) => accountNames.has(membership.accountId))
      .map((membership) => ({
        accountId: membership.accountId,
        accountName: accountNames.get(membership.accountId) ?? '',
        role: membership.role,
        permissions: allowedAreas(membership),
        invitedAt: membership.createdAt,
      })),
  };
};
