/**
 * Staff logins for end-to-end tests: a staff user in the test stack's staff
 * pool with a TOTP device, signed in the way the staff console signs in
 * (USER_PASSWORD_AUTH, then the SOFTWARE_TOKEN_MFA code). One login and one
 * token per test worker, made on first use.
 */
import { randomUUID } from 'node:crypto';
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { tableStore } from '#core/table/function-store';
import {
  ensureStaffLogin,
  type StaffLogin,
  signInStaff,
} from '../../scripts/local-stack/staff-logins.ts';
import type { StaffAdmin } from '../../scripts/staff/commands.ts';
import { cognito, TEST_PASSWORD } from './tenants.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; is the test global setup running?`);
  return value;
};

const staffPool = () => ({
  staffUserPoolId: env('STAFF_USER_POOL_ID'),
  staffUserPoolClientId: env('STAFF_USER_POOL_CLIENT_ID'),
});

export interface TestStaffLogin extends StaffLogin {
  email: string;
  name: string;
  password: string;
}

/** A new staff login (username = its email, as operators create them) with a TOTP device and its active staff item. */
export const createStaffLogin = async (label = 'staff'): Promise<TestStaffLogin> => {
  const suffix = randomUUID().slice(0, 8);
  const email = `${label}-${suffix}@staff.portico.example`;
  const person = { username: email, email, firstName: 'Test', lastName: `Staff ${suffix}` };
  const login = await ensureStaffLogin(cognito(), staffPool(), person, TEST_PASSWORD, tableStore);
  return { ...login, email, name: `Test Staff ${suffix}`, password: TEST_PASSWORD };
};

/**
 * The operators' commands (scripts/staff/commands.ts) pointed at the test
 * stack, as `npm run staff` points them at the stack `npm start` runs.
 */
export const staffAdmin = (): StaffAdmin => ({
  cognito: cognito(),
  table: tableStore,
  staffUserPoolId: staffPool().staffUserPoolId,
  emulator: { staffUserPoolClientId: staffPool().staffUserPoolClientId, password: TEST_PASSWORD },
});

/** All tokens of a staff sign-in (access, ID, refresh). */
export const staffTokensFor = (login: TestStaffLogin): Promise<AuthenticationResultType> =>
  signInStaff(cognito(), staffPool().staffUserPoolClientId, login);

let workerLogin: Promise<TestStaffLogin> | undefined;
let workerToken: Promise<string> | undefined;

/** This worker's staff login, created on first use. */
export const testStaffLogin = (): Promise<TestStaffLogin> => {
  workerLogin ??= createStaffLogin();
  return workerLogin;
};

/** An access token of this worker's staff login, for calling `/staff/*` routes. */
export const staffAccessToken = (): Promise<string> => {
  workerToken ??= testStaffLogin().then(async (login) => {
    const { AccessToken } = await staffTokensFor(login);
    if (!AccessToken) throw new Error(`No staff access token for ${login.username}`);
    return AccessToken;
  });
  return workerToken;
};
