/** What each kind of outbox task does. */
import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognito, userPoolId } from '#core/clients/cognito';
import type { OutboxTask } from '#core/entities/outbox';
import { sendMail } from '#core/mail';

const updateLoginEmail = async (loginId: string, email: string) => {
  // The address was proven by the code and reserved by its marker item.
  await cognito.send(
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

export const runTask = async (task: OutboxTask): Promise<void> => {
  switch (task.kind) {
    case 'mail':
      await sendMail(task);
      return;
    case 'login-email':
      await updateLoginEmail(task.loginId, task.email);
      return;
  }
};
