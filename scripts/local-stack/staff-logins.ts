/**
 * Staff logins in the local staff pool: created the way an operator creates
 * them in AWS (docs/deploy.md: the Cognito user and its staff item),
 * enrolled with a TOTP device at once (see LOCAL_STAFF_MFA_CONFIGURATION for
 * why), and signed in by answering the SOFTWARE_TOKEN_MFA challenge, as the
 * staff console does.
 */
import {
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  type SetUserPoolMfaConfigCommandInput,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createOrFindUser } from '#core/access/cognito-users';
import { STAFF_MFA } from '#core/access/user-pool';
import {
  createStaffPut,
  fromStaffItem,
  getStaffCommand,
  type StaffLogin as StaffItem,
  type StaffStatus,
} from '#core/entities/staff';
import { isConditionFailure } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { totpCode } from './totp.ts';

/**
 * AWS requires TOTP on the staff pool (lib/constructs/staff-auth.ts) and
 * answers a login without a device with the MFA_SETUP challenge. cognito-local
 * 5.3 challenges SOFTWARE_TOKEN_MFA at sign-in for a login with a verified
 * device when the pool's MFA is ON or OPTIONAL, but it has no MFA_SETUP: a
 * device can only be enrolled with an access token, which under ON a login
 * without a device can never get. So the local staff pool runs OPTIONAL and
 * every staff login is enrolled right after it is created
 * (scripts/local-stack/staff-logins.ts); from then on each sign-in needs the TOTP code, as in AWS.
 */
export const LOCAL_STAFF_MFA_CONFIGURATION = 'OPTIONAL' as const;

/** The local staff pool's MFA settings (local/create-user-pool.ts creates the pool with them). */
export const STAFF_POOL_MFA: Omit<SetUserPoolMfaConfigCommandInput, 'UserPoolId'> = {
  MfaConfiguration: STAFF_MFA.required ? LOCAL_STAFF_MFA_CONFIGURATION : 'OFF',
  SoftwareTokenMfaConfiguration: { Enabled: STAFF_MFA.totp },
} as const;

export interface StaffPool {
  staffUserPoolId: string;
  staffUserPoolClientId: string;
}

export interface StaffPerson {
  /** The sign-in name; by convention the work email address. */
  username: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface StaffLogin {
  staffId: string;
  username: string;
  /** Base32; what an authenticator app is given. */
  totpSecret: string;
}

/**
 * Writes a login's staff item (`active`) unless it has one: an existing item
 * keeps its status, so a login an operator disabled stays disabled. Returns
 * the item as it now is.
 */
export const putStaffItemIfMissing = async (
  table: TableStore,
  login: { staffId: string; username: string; name: string }
): Promise<{ staff: StaffItem; created: boolean }> => {
  const now = new Date().toISOString();
  const staff: StaffItem = { ...login, status: 'active', createdAt: now, updatedAt: now };
  try {
    await table.put(createStaffPut(staff));
    return { staff, created: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const item = await table.get(getStaffCommand(login.staffId));
    if (!item) throw error;
    return { staff: fromStaffItem(item), created: false };
  }
};

const passwordAuth = (clientId: string, username: string, password: string) =>
  new InitiateAuthCommand({
    ClientId: clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });

/** Associates and verifies a new TOTP device with the login's access token and makes it the preferred factor. */
const enrolTotp = async (cognito: CognitoIdentityProviderClient, accessToken: string) => {
  const { SecretCode } = await cognito.send(
    new AssociateSoftwareTokenCommand({ AccessToken: accessToken })
  );
  if (!SecretCode) throw new Error('cognito-local returned no TOTP secret');
  await cognito.send(
    new VerifySoftwareTokenCommand({
      AccessToken: accessToken,
      UserCode: totpCode(SecretCode),
      FriendlyDeviceName: 'authenticator',
    })
  );
  await cognito.send(
    new SetUserMFAPreferenceCommand({
      AccessToken: accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    })
  );
  return SecretCode;
};

/** The password step must not finish the sign-in on its own: a staff login always has a device here. */
const tokensFromPassword = async (
  cognito: CognitoIdentityProviderClient,
  pool: StaffPool,
  username: string,
  password: string
): Promise<AuthenticationResultType> => {
  const { AuthenticationResult } = await cognito.send(
    passwordAuth(pool.staffUserPoolClientId, username, password)
  );
  if (!AuthenticationResult?.AccessToken) throw new Error(`no tokens for staff ${username}`);
  return AuthenticationResult;
};

/**
 * Enrols a login that already has a device (a persisted stack whose secret
 * was not kept): with the pool's MFA off for the moment the password alone
 * signs in, and a fresh device replaces the old one. Start-up only, while no
 * one else signs in.
 */
const reenrolTotp = async (
  cognito: CognitoIdentityProviderClient,
  pool: StaffPool,
  username: string,
  password: string
) => {
  const setMfa = (mfa: Omit<SetUserPoolMfaConfigCommandInput, 'UserPoolId'>) =>
    cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: pool.staffUserPoolId, ...mfa }));
  await setMfa({ MfaConfiguration: 'OFF' });
  try {
    const tokens = await tokensFromPassword(cognito, pool, username, password);
    return await enrolTotp(cognito, tokens.AccessToken as string);
  } finally {
    await setMfa(STAFF_POOL_MFA);
  }
};

/**
 * Creates the staff login with a permanent password, a TOTP device and its
 * staff item; an existing login (persisted stack) gets a new device, since
 * its secret is not stored anywhere the seed can read, and keeps its item.
 */
export const ensureStaffLogin = async (
  cognito: CognitoIdentityProviderClient,
  pool: StaffPool,
  person: StaffPerson,
  password: string,
  table: TableStore
): Promise<StaffLogin & { created: boolean; item: { status: StaffStatus; created: boolean } }> => {
  const { sub: staffId, created } = await createOrFindUser(cognito, pool.staffUserPoolId, person);
  const name = `${person.firstName} ${person.lastName}`.trim() || person.username;
  const item = await putStaffItemIfMissing(table, { staffId, username: person.username, name });
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: pool.staffUserPoolId,
      Username: person.username,
      Password: password,
      Permanent: true,
    })
  );
  const totpSecret = created
    ? await enrolTotp(
        cognito,
        (await tokensFromPassword(cognito, pool, person.username, password)).AccessToken as string
      )
    : await reenrolTotp(cognito, pool, person.username, password);
  return {
    staffId,
    username: person.username,
    totpSecret,
    created,
    item: { status: item.staff.status, created: item.created },
  };
};

/** Password, then the TOTP code: the staff console's sign-in. Returns the tokens. */
export const signInStaff = async (
  cognito: CognitoIdentityProviderClient,
  staffClientId: string,
  login: { username: string; password: string; totpSecret: string }
): Promise<AuthenticationResultType> => {
  const first = await cognito.send(passwordAuth(staffClientId, login.username, login.password));
  if (first.ChallengeName !== 'SOFTWARE_TOKEN_MFA') {
    throw new Error(
      `staff sign-in of ${login.username} expected the SOFTWARE_TOKEN_MFA challenge, got ${first.ChallengeName ?? 'tokens'}`
    );
  }
  const { AuthenticationResult } = await cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: staffClientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: first.Session,
      ChallengeResponses: {
        USERNAME: login.username,
        SOFTWARE_TOKEN_MFA_CODE: totpCode(login.totpSecret),
      },
    })
  );
  if (!AuthenticationResult?.AccessToken) throw new Error(`no tokens for staff ${login.username}`);
  return AuthenticationResult;
};
