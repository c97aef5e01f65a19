/**
 * A login's owner answers the invitations of accounts: accepting opens the
 * account with the role and areas the granter chose, declining removes the
 * login from the contact. Only the login itself, signed in, can do either:
 * this consent is what stops an account from pulling someone else's login
 * in. A login that has not yet been proven by its mailbox owner may accept
 * only the account that created it.
 */
import { sessionEnded } from '#core/access/authorization';
import type { LoginCaller } from '#core/access/caller';
import { auditWrite, writeTogether } from '#core/db/transact';
import { acceptedContactUpdate, declinedContactUpdate } from '#core/entities/contact-login';
import {
  fromLoginItem,
  isLoginItem,
  type LoginProfile,
  sessionStillValid,
} from '#core/entities/login';
import {
  acceptMembershipUpdate,
  declineMembershipDelete,
  fromMembershipItem,
  isMembershipItem,
  loginPartitionQuery,
  type Membership,
} from '#core/entities/membership';
import { nowIso } from '#core/platform/clock';
import { ConflictError, NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { allowedAreas } from '#core/rules/permissions';
import type { TableStore } from '#core/table/store';

const noInvitation = () =>
  new NotFoundError(PROBLEM.notFound, 'There is no invitation from this account.');

/** The login's profile and its invitation from `accountId`, in one Query. */
const loadInvitation = async (
  store: TableStore,
  caller: LoginCaller,
  accountId: string
): Promise<{ login: LoginProfile; invitation: Membership }> => {
  const { items } = await store.query(loginPartitionQuery(caller.loginId));
  const profileItem = items.find(isLoginItem);
  if (!profileItem) throw noInvitation();
  const login = fromLoginItem(profileItem);
  if (!sessionStillValid(login, caller.authTime)) throw sessionEnded();
  const invitation = items
    .filter(isMembershipItem)
    .map(fromMembershipItem)
    .find((membership) => membership.accountId === accountId && membership.status === 'invited');
  if (!invitation || !mayAnswer(login, accountId)) throw noInvitation();
  return { login, invitation };
};

/**
 * Whoever holds an unproven login's password may not be its mailbox owner:
 * it answers only the account that created it. Other accounts' invitations
 * wait, unseen, for the mail that hands the login to its owner.
 */
export const mayAnswer = (login: LoginProfile, accountId: string) =>
  login.emailProven || login.confinedToAccountId === accountId;

const gone = () =>
  new ConflictError(PROBLEM.invitationGone, 'The invitation was withdrawn or already answered.');

const answerWrites = (login: LoginProfile, invitation: Membership, action: string, now: string) =>
  auditWrite({
    accountId: invitation.accountId,
    at: now,
    actor: { loginId: login.loginId, name: login.name },
    action,
    target: `contact/${invitation.contactId}`,
    changes: {
      subAccount: {
        before: 'invited',
        after: action.endsWith('accepted') ? 'active' : null,
      },
    },
  });

export const acceptInvitation = async (
  store: TableStore,
  caller: LoginCaller,
  accountId: string
) => {
  const { login, invitation } = await loadInvitation(store, caller, accountId);
  const now = nowIso();
  const ids = { accountId, contactId: invitation.contactId, loginId: caller.loginId };
  const holder = invitation.role === 'primary';
  await writeTogether(
    [
      {
        action: {
          Update: acceptMembershipUpdate(ids, now, login.sessionsNotBefore ?? 0),
        },
        onConditionFailed: gone,
      },
      {
        action: { Update: acceptedContactUpdate(ids, holder, now) },
        onConditionFailed: gone,
      },
      answerWrites(
        login,
        invitation,
        holder ? 'primary.login.accepted' : 'sub-account.accepted',
        now
      ),
    ],
    gone,
    store
  );
  const active: Membership = { ...invitation, status: 'active' };
  return {
    accountId,
    role: active.role,
    status: active.status,
    permissions: allowedAreas(active),
  };
};

export const declineInvitation = async (
  store: TableStore,
  caller: LoginCaller,
  accountId: string
) => {
  const { login, invitation } = await loadInvitation(store, caller, accountId);
  const now = nowIso();
  const ids = { accountId, contactId: invitation.contactId, loginId: caller.loginId };
  await writeTogether(
    [
      { action: { Delete: declineMembershipDelete(ids) }, onConditionFailed: gone },
      { action: { Update: declinedContactUpdate(ids, now) }, onConditionFailed: gone },
      answerWrites(
        login,
        invitation,
        invitation.role === 'primary' ? 'primary.login.declined' : 'sub-account.declined',
        now
      ),
    ],
    gone,
    store
  );
};
