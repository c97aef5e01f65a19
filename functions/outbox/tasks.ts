/** What each kind of outbox task does. All are safe to repeat. */
import {
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { endSessionsBefore, nextSecond } from '#core/access/login-sessions';
import { generatePassword } from '#core/access/passwords';
import { normaliseEmail } from '#core/entities/contact';
import { fromLoginItem, getLoginCommand, markLoginProvenUpdate } from '#core/entities/login';
import { type InviteLoginTask, isOutboxTask, type OutboxTask } from '#core/entities/outbox';
import { existingLoginInvitationText, invitationText } from '#core/mail/security-mail';
import { cognito, userPoolId } from '#core/platform/clients/cognito';
import { nowIso } from '#core/platform/clock';
import { logger } from '#core/platform/observability';
import type { TableStore } from '#core/table/store';
import { answerAccountRequest } from '#core/workflows/account-request';
import { followLoginEmail } from './login-email-follow.ts';
import { isSuppressed, sendMail, sendMailUnlessSuppressed } from './mail.ts';

const updateLoginEmail = async (store: TableStore, loginId: string, email: string) => {
  // The address was proven by the code and reserved by its marker item.
  await cognito().send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: userPoolId,
      Username: loginId,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    })
  );
  await followLoginEmail(store, loginId, email);
};

/**
 * An invitation. A login whose mailbox owner already holds its password is
 * only told to sign in and accept. Any other login (new, or created with a
 * password a granter chose) is taken over by the mailbox owner here: older
 * sessions are ended, a fresh temporary password (to be replaced at the
 * first sign-in) is set and mailed, never stored, and only then is the
 * login marked proven. A retry repeats the steps with a newer password.
 */
const inviteLogin = async (store: TableStore, task: InviteLoginTask) => {
  const item = await store.get(getLoginCommand(task.loginId));
  // A login whose activation was rolled back: nobody to invite.
  if (!item) return;
  const login = fromLoginItem(item);
  if (login.emailProven) {
    await sendMailUnlessSuppressed(store, existingLoginInvitationText(task));
    return;
  }
  if (normaliseEmail(login.email) !== normaliseEmail(task.email)) {
    // The password goes to the login's own address only, never to one an invitation named.
    logger.warn('invitation address is not the login’s; nothing sent', { loginId: task.loginId });
    return;
  }
  // A password nobody could receive would only lock the login's owner out.
  if (await isSuppressed(store, login.email)) return;
  // The old password stops working first; only then is the cut-off taken, strictly
  // after it, so no sign-in with the old password can carry a newer auth_time.
  const temporaryPassword = generatePassword();
  await cognito().send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: task.loginId,
      Password: temporaryPassword,
      Permanent: false,
    })
  );
  const notBefore = nextSecond();
  await endSessionsBefore(task.loginId, notBefore, store);
  // Tokens carry whole seconds: the owner signs in with the new password from `notBefore` on.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, notBefore * 1000 - Date.now())));
  await sendMail(invitationText(task, temporaryPassword));
  await store.update(markLoginProvenUpdate(task.loginId, notBefore, nowIso()));
};

/** The task an outbox item carries, if it is one this function knows how to run. */
export const outboxTaskOf = (item: Record<string, unknown>): OutboxTask | undefined =>
  isOutboxTask(item.task) ? item.task : undefined;

export const runTask = async (store: TableStore, task: OutboxTask): Promise<void> => {
  switch (task.kind) {
    case 'mail':
      await sendMailUnlessSuppressed(store, task);
      return;
    case 'login-email':
      await updateLoginEmail(store, task.loginId, task.email);
      return;
    case 'invite-login':
      await inviteLogin(store, task);
      return;
    case 'account-request':
      await answerAccountRequest(store, task);
      return;
  }
};
