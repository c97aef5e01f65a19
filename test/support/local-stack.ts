/**
 * Helpers for tests that talk to the local stack directly: logins, extra
 * app clients and real tokens from cognito-local.
 */

import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from '../../scripts/local-stack/clients.ts';
import type { LocalStackInfo } from '../../scripts/local-stack/env.ts';

export const TEST_LOGIN_PASSWORD = 'Local-Stack-Test-2026!';

export const uniqueEmail = (label: string): string =>
  `${label}-${randomUUID().slice(0, 8)}@local-stack.example`;

/** A confirmed login with a permanent password, as an admin would create it. */
export const createLogin = async (
  stack: LocalStackInfo,
  email: string,
  password = TEST_LOGIN_PASSWORD
): Promise<void> => {
  const cognito = createCognitoClient(stack);
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: stack.userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      })
    );
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: stack.userPoolId,
        Username: email,
        Password: password,
        Permanent: true,
      })
    );
  } finally {
    cognito.destroy();
  }
};

/** Another app client in the stack's pool, e.g. to get tokens the portal client must refuse. */
export const createAppClient = async (
  stack: LocalStackInfo,
  settings: Partial<CreateUserPoolClientCommandInput> = {}
): Promise<string> => {
  const cognito = createCognitoClient(stack);
  try {
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: stack.userPoolId,
        ClientName: `test-${randomUUID().slice(0, 8)}`,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        ...settings,
      })
    );
    if (!UserPoolClient?.ClientId) throw new Error('cognito-local returned no client id');
    return UserPoolClient.ClientId;
  } finally {
    cognito.destroy();
  }
};

/** Signs in with USER_PASSWORD_AUTH, the way the portal does locally; returns the access token (or the ID token). */
export const signIn = async (
  stack: LocalStackInfo,
  email: string,
  options: { password?: string; clientId?: string; tokenUse?: 'access' | 'id' } = {}
): Promise<string> => {
  const cognito = createCognitoClient(stack);
  try {
    const result = await cognito.send(
      new InitiateAuthCommand({
        ClientId: options.clientId ?? stack.userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: options.password ?? TEST_LOGIN_PASSWORD },
      })
    );
    const tokenUse = options.tokenUse ?? 'access';
    const token =
      tokenUse === 'id'
        ? result.AuthenticationResult?.IdToken
        : result.AuthenticationResult?.AccessToken;
    if (!token) throw new Error(`no ${tokenUse} token for ${email}`);
    return token;
  } finally {
    cognito.destroy();
  }
};

/** The payload of a JWT, unverified: for asserting on what the emulator issued. */
export const decodeJwtPayload = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
