/**
 * People of the stories that change a login (its password, its accounts):
 * a fresh account of their own, so no other test file's demo sign-in is
 * disturbed, and what their mailbox receives.
 */
import { randomUUID } from 'node:crypto';
import {
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import { waitForMail } from '../support/mailbox.ts';
import { cognito, createTenant, type Tenant, temporaryPasswordIn } from '../support/tenants.ts';

export {
  addContact,
  addInvitation,
  addSubAccountLogin,
  TEST_PASSWORD,
} from '../support/tenants.ts';
export type { Tenant };

/** A password that meets the pool policy, new on every call. */
export const freshPassword = () => `Portal-${randomUUID().slice(0, 8)}-7!`;

/** A fresh account whose primary login signs in with TEST_PASSWORD. */
export const freshAccount = (label: string): Promise<Tenant> => createTenant(label);

/**
 * A fresh account whose primary login was given a temporary password (as an
 * operator's AdminCreateUser or AdminSetUserPassword leaves it): Cognito
 * answers its next sign-in with NEW_PASSWORD_REQUIRED.
 */
export const accountWithTemporaryPassword = async (label: string) => {
  const tenant = await createTenant(label);
  const temporary = freshPassword();
  await cognito().send(
    new AdminSetUserPasswordCommand({
      UserPoolId: inject('localStack').userPoolId,
      Username: tenant.email,
      Password: temporary,
      Permanent: false,
    })
  );
  return { tenant, temporary };
};

/**
 * How long a story waits for its mail: the browser project's stream workers
 * share the test runner's process with the other projects' in a full run.
 */
const MAIL_WAIT_MS = 45_000;

/** The six-digit code of the newest reset mail to `email`. */
export const resetCodeFor = async (email: string): Promise<string> => {
  const mail = await waitForMail(email, 'Your password reset code', MAIL_WAIT_MS);
  const code = /<strong>(\d{6})<\/strong>/.exec(mail.body.html ?? '')?.[1];
  if (!code) throw new Error(`no code in the reset mail to ${email}`);
  return code;
};

/** The temporary password an invitation mail gives a new login. */
export const invitationPasswordFor = async (email: string): Promise<string> => {
  const mail = await waitForMail(email, 'Your login to a client area', MAIL_WAIT_MS);
  const password = temporaryPasswordIn(mail.body.text);
  if (!password) throw new Error(`no temporary password in the invitation to ${email}`);
  return password;
};

/** Whether Cognito still trades this refresh token for tokens (false once revoked). */
export const refreshWorks = (refreshToken: string): Promise<boolean> =>
  cognito()
    .send(
      new InitiateAuthCommand({
        ClientId: inject('localStack').userPoolClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      })
    )
    .then(
      (answer) => Boolean(answer.AuthenticationResult?.AccessToken),
      () => false
    );
