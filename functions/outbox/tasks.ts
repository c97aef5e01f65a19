/**
 * What each kind of outbox task does. Each kind loads its own SDK client on
 * first use, so a cold start pays only for the clients its batch needs.
 */
import type { OutboxTask } from '#core/entities/outbox';

const updateLoginEmail = async (loginId: string, email: string) => {
  const [{ AdminUpdateUserAttributesCommand }, { cognito, userPoolId }] = await Promise.all([
    import('@aws-sdk/client-cognito-identity-provider'),
    import('#core/clients/cognito'),
  ]);
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
    case 'mail': {
      const { sendMail } = await import('#core/mail');
      await sendMail(task);
      return;
    }
    case 'login-email':
      await updateLoginEmail(task.loginId, task.email);
      return;
  }
};
