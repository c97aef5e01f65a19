/** The Cognito client of a function that manages logins, created once at module scope. */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { readUserPoolConfig } from '../config.ts';

const config = readUserPoolConfig();

export const userPoolId = config.userPoolId;

// The emulator answers some operations with HTTP 500; one attempt keeps failures fast and visible.
export const cognito = new CognitoIdentityProviderClient({
  region: config.region,
  endpoint: config.endpoint,
  maxAttempts: config.endpoint ? 1 : 3,
});
