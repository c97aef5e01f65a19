/**
 * The Cognito client of a function that manages logins. Settings are read
 * (and checked) at cold start; the client itself is built on first use, as
 * most requests of such a function never call Cognito.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { readUserPoolConfig } from '../config.ts';

const config = readUserPoolConfig();

export const userPoolId = config.userPoolId;

let client: CognitoIdentityProviderClient | undefined;

export const cognito = (): CognitoIdentityProviderClient => {
  // The emulator answers some operations with HTTP 500; one attempt keeps failures fast and visible.
  client ??= new CognitoIdentityProviderClient({
    region: config.region,
    endpoint: config.endpoint,
    maxAttempts: config.endpoint ? 1 : 3,
  });
  return client;
};
