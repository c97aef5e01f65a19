/**
 * Test tenants: a fresh account with its own primary login in cognito-local
 * and DynamoDB Local, so tests never depend on each other's data.
 */
import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { provisionAccount } from '../../functions/account/provision.ts';
import { ensureLogin } from '../../local/seed.ts';

export const TEST_PASSWORD = 'Test-Password-2026!';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; is the test global setup running?`);
  return value;
};

export const cognito = () =>
  new CognitoIdentityProviderClient({
    region: env('AWS_REGION'),
    endpoint: env('COGNITO_ENDPOINT'),
    maxAttempts: 1,
  });

export interface Tenant {
  accountId: string;
  primaryContactId: string;
  loginId: string;
  email: string;
  contractNumber: string;
  name: string;
}

export const createTenant = async (label = 'Tenant'): Promise<Tenant> => {
  const suffix = randomUUID().slice(0, 8);
  const email = `owner-${suffix}@${label.toLowerCase().replace(/\W/g, '')}.example`;
  const person = { email, firstName: label, lastName: `Owner ${suffix}` };
  const { loginId } = await ensureLogin(
    { cognito: cognito(), userPoolId: env('USER_POOL_ID'), password: TEST_PASSWORD },
    person
  );
  const contractNumber = `T-${suffix}`;
  const name = `${label} ${suffix} Ltd`;
  const account = await provisionAccount({
    name,
    contractNumbers: [contractNumber],
    primary: {
      ...person,
      phone: '+441632960000',
      address: { line1: '2 Test Lane', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
    },
    loginId,
    newLogin: true,
  });
  return {
    accountId: account.id,
    primaryContactId: account.primaryContactId,
    loginId,
    email,
    contractNumber,
    name,
  };
};

/** A real access token from cognito-local, the way a portal logs in. */
export const accessTokenFor = async (email: string, password = TEST_PASSWORD): Promise<string> => {
  const result = await cognito().send(
    new InitiateAuthCommand({
      ClientId: env('USER_POOL_CLIENT_ID'),
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    })
  );
  const token = result.AuthenticationResult?.AccessToken;
  if (!token) throw new Error(`No access token for ${email}`);
  return token;
};
