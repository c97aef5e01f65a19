/**
 * What `npm run staff` does to a staff login: the Cognito user in the staff
 * pool and its staff item in the table, always both. The item is the live
 * switch (the API reads it on every staff request), so a disable or a
 * removal writes it first: the login is refused from its next request on,
 * whatever happens to the Cognito steps after it.
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { deleteStaffDelete, patchStaffStatusUpdate, type StaffStatus } from '#core/entities/staff';
import { type TableStore, updateIf } from '#core/table/store';
import { ensureStaffLogin, putStaffItemIfMissing } from '../local-stack/staff-logins.ts';

export interface StaffAdmin {
  cognito: CognitoIdentityProviderClient;
  /** The table that holds the staff items. */
  table: TableStore;
  staffUserPoolId: string;
  /**
   * The local stack's cognito-local: it cannot enrol a TOTP device at
   * sign-in, so `add` sets this password and enrols a device at once (as
   * the demo login is made); it has no global sign-out (HTTP 500), so that
   * step is left out. Absent for a deployed stage.
   */
  emulator?: { staffUserPoolClientId: string; password: string };
}

export interface StaffPersonInput {
  /** The sign-in name; by convention the work email, which is also the email attribute. */
  username: string;
  givenName?: string;
  familyName?: string;
}

/** Something the operator must fix (an unknown login, a login without an item): exit status 1. */
export class StaffCommandError extends Error {}

export interface StaffOutcome {
  username: string;
  staffId: string;
  /** The staff item after the command: `missing` when there is none. */
  status: StaffStatus | 'missing';
  /** What was done, one line each, for the operator. */
  steps: string[];
  /** Only after `add` on the local stack: how to sign in. */
  signIn?: { password: string; totpSecret: string };
}

const attribute = (attributes: AttributeType[] | undefined, name: string) =>
  attributes?.find((candidate) => candidate.Name === name)?.Value?.trim() ?? '';

const nameOf = (attributes: AttributeType[] | undefined, username: string) =>
  [attribute(attributes, 'given_name'), attribute(attributes, 'family_name')]
    .filter(Boolean)
    .join(' ') || username;

const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

/** The login's `sub` (its staff id) and name, from the staff pool. */
const findLogin = async (admin: StaffAdmin, username: string) => {
  try {
    const user = await admin.cognito.send(
      new AdminGetUserCommand({ UserPoolId: admin.staffUserPoolId, Username: username })
    );
    const staffId = attribute(user.UserAttributes, 'sub');
    if (!staffId) throw new Error(`Cognito returned ${username} without a sub`);
    return { staffId, name: nameOf(user.UserAttributes, username) };
  } catch (error) {
    if (!isNamed(error, 'UserNotFoundException')) throw error;
    throw new StaffCommandError(`${username} is not a login of the staff pool`);
  }
};

/** Sets the item's status; false when the login has no item. */
const setStatus = (admin: StaffAdmin, staffId: string, status: StaffStatus) =>
  updateIf(
    admin.table,
    patchStaffStatusUpdate({ staffId, status, updatedAt: new Date().toISOString() })
  );

/** Refresh tokens revoked, so no new access token is issued; not on the emulator (HTTP 500). */
const signOutEverywhere = async (admin: StaffAdmin, username: string, steps: string[]) => {
  if (admin.emulator) {
    steps.push('global sign-out skipped: cognito-local does not support it');
    return;
  }
  await admin.cognito.send(
    new AdminUserGlobalSignOutCommand({ UserPoolId: admin.staffUserPoolId, Username: username })
  );
  steps.push('signed out everywhere (refresh tokens revoked)');
};

const createUser = async (admin: StaffAdmin, person: StaffPersonInput) => {
  const names = [
    ...(person.givenName ? [{ Name: 'given_name', Value: person.givenName }] : []),
    ...(person.familyName ? [{ Name: 'family_name', Value: person.familyName }] : []),
  ];
  try {
    const { User } = await admin.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: admin.staffUserPoolId,
        Username: person.username,
        UserAttributes: [
          { Name: 'email', Value: person.username },
          { Name: 'email_verified', Value: 'true' },
          ...names,
        ],
        // Cognito mails a temporary password; the first sign-in sets a new one and enrols TOTP.
        DesiredDeliveryMediums: ['EMAIL'],
      })
    );
    const staffId = attribute(User?.Attributes, 'sub');
    if (!staffId) throw new Error(`Cognito created ${person.username} without a sub`);
    return { staffId, name: nameOf(User?.Attributes, person.username), created: true };
  } catch (error) {
    if (!isNamed(error, 'UsernameExistsException')) throw error;
    return { ...(await findLogin(admin, person.username)), created: false };
  }
};

/**
 * A staff login with an active item. An existing Cognito user (made by
 * hand, or before staff items existed) keeps its password and device and
 * only gets its item; an existing item keeps its status (`enable` changes
 * that).
 */
export const addStaff = async (
  admin: StaffAdmin,
  person: StaffPersonInput
): Promise<StaffOutcome> => {
  const steps: string[] = [];
  if (admin.emulator) {
    const login = await ensureStaffLogin(
      admin.cognito,
      { staffUserPoolId: admin.staffUserPoolId, ...admin.emulator },
      {
        username: person.username,
        email: person.username,
        firstName: person.givenName ?? '',
        lastName: person.familyName ?? '',
      },
      admin.emulator.password,
      admin.table
    );
    steps.push(login.created ? 'created in the staff pool' : 'already in the staff pool');
    steps.push('password set and a new TOTP device enrolled (local stack)');
    steps.push(login.item.created ? 'staff item written (active)' : 'staff item already there');
    return {
      username: person.username,
      staffId: login.staffId,
      status: login.item.status,
      steps,
      signIn: { password: admin.emulator.password, totpSecret: login.totpSecret },
    };
  }
  const user = await createUser(admin, person);
  steps.push(
    user.created
      ? 'created in the staff pool; Cognito mails a temporary password (valid 3 days)'
      : 'already in the staff pool (password and device unchanged)'
  );
  const item = await putStaffItemIfMissing(admin.table, {
    staffId: user.staffId,
    username: person.username,
    name: user.name,
  });
  steps.push(item.created ? 'staff item written (active)' : 'staff item already there');
  return { username: person.username, staffId: user.staffId, status: item.staff.status, steps };
};

/** Refused from the next request on (item), no new sign-in (Cognito), no new tokens (sign-out). */
export const disableStaff = async (admin: StaffAdmin, username: string): Promise<StaffOutcome> => {
  const { staffId } = await findLogin(admin, username);
  const steps: string[] = [];
  const found = await setStatus(admin, staffId, 'disabled');
  steps.push(
    found
      ? 'staff item disabled: the API refuses its next request'
      : 'no staff item: the API refuses it already'
  );
  await admin.cognito.send(
    new AdminDisableUserCommand({ UserPoolId: admin.staffUserPoolId, Username: username })
  );
  steps.push('disabled in the staff pool (no new sign-in)');
  await signOutEverywhere(admin, username, steps);
  return { username, staffId, status: found ? 'disabled' : 'missing', steps };
};

/** The reverse of disable; a login without an item needs `add` instead. */
export const enableStaff = async (admin: StaffAdmin, username: string): Promise<StaffOutcome> => {
  const { staffId } = await findLogin(admin, username);
  if (!(await setStatus(admin, staffId, 'active'))) {
    throw new StaffCommandError(
      `${username} has no staff item: give it one with \`npm run staff -- add ${username}\``
    );
  }
  await admin.cognito.send(
    new AdminEnableUserCommand({ UserPoolId: admin.staffUserPoolId, Username: username })
  );
  return {
    username,
    staffId,
    status: 'active',
    steps: ['staff item active: the API accepts its requests again', 'enabled in the staff pool'],
  };
};

/** The item goes first (refused from the next request on), then the Cognito user. */
export const removeStaff = async (admin: StaffAdmin, username: string): Promise<StaffOutcome> => {
  const { staffId } = await findLogin(admin, username);
  await admin.table.delete(deleteStaffDelete(staffId));
  await admin.cognito.send(
    new AdminDeleteUserCommand({ UserPoolId: admin.staffUserPoolId, Username: username })
  );
  return {
    username,
    staffId,
    status: 'missing',
    steps: ['staff item removed: the API refuses its next request', 'deleted from the staff pool'],
  };
};
