/** What each kind of outbox task does. All are safe to repeat. */
import {
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito, userPoolId } from '#core/clients/cognito';
import type { InviteLoginTask, OutboxTask } from '#core/entities/outbox';
import { sendMail } from '#core/mail';
import { generatePassword } from '#core/passwords';
import { invitationText } from '#core/security-mail';

const updateLoginEmail = async (loginId: string, email: string) => {
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
};

/**
 * A fresh temporary password (to be replaced at the first sign-in), set and
 * mailed here so it is never stored; a retry simply sends a newer one.
 */
const inviteLogin = async (task: InviteLoginTask) => {
  const temporaryPassword = generatePassword();
  await cognito().send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: task.loginId,
      Password: temporaryPassword,
      Permanent: false,
    })
  );
  await sendMail(invitationText(task, temporaryPassword));
};

export const runTask = async (task: OutboxTask): Promise<void> => {
  switch (task.kind) {
    case 'mail':
      await sendMail(task);
      return;
    case 'login-email':
      await updateLoginEmail(task.loginId, task.email);
      return;
    case 'invite-login':
      await inviteLogin(task);
      return;
  }
};
