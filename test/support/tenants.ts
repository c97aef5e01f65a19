/**
 * Test tenants: a fresh account with its own primary login in cognito-local
 * and DynamoDB Local, so tests never depend on each other's data.
 */
import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  ALL_EMAIL_PREFERENCES,
  type Contact,
  createContactPut,
  type EmailPreferences,
  type SupportScope,
} from '#core/entities/contact';
import { createLoginPut } from '#core/entities/login';
import { createMembershipPut, type MembershipStatus } from '#core/entities/membership';
import type { Service } from '#core/entities/service';
import type { Area } from '#core/rules/permissions';
import { tableStore } from '#core/table/function-store';
import { provisionAccount } from '../../functions/staff/provision.ts';
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

export const createTenant = async (
  label = 'Tenant',
  options: { hostedDomains?: string[] } = {}
): Promise<Tenant> => {
  const suffix = randomUUID().slice(0, 8);
  const email = `owner-${suffix}@${label.toLowerCase().replace(/\W/g, '')}.example`;
  const person = { email, firstName: label, lastName: `Owner ${suffix}` };
  const { loginId } = await ensureLogin(
    { cognito: cognito(), userPoolId: env('USER_POOL_ID'), password: TEST_PASSWORD },
    person
  );
  const contractNumber = `T-${suffix}`;
  const name = `${label} ${suffix} Ltd`;
  const account = await provisionAccount(tableStore, {
    name,
    contractNumbers: [contractNumber],
    primary: {
      ...person,
      phone: '+441632960000',
      address: { line1: '2 Test Lane', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
    },
    loginId,
    newLogin: true,
    hostedDomains: options.hostedDomains,
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

/** A fresh tenant and its primary's access token: what most end-to-end files start from. */
export const signedInTenant = async (label: string): Promise<{ tenant: Tenant; token: string }> => {
  const tenant = await createTenant(label);
  return { tenant, token: await accessTokenFor(tenant.email) };
};

/** The temporary password of an invitation mail (an indented line of its own). */
export const temporaryPasswordIn = (mailText: string | undefined) =>
  /\n {4}(\S+)\n/.exec(mailText ?? '')?.[1] ?? '';

/** Signs in with a password someone else set: Cognito asks for a new one first. */
export const firstSignIn = async (
  email: string,
  temporaryPassword: string,
  newPassword: string
) => {
  const clientId = env('USER_POOL_CLIENT_ID');
  const started = await cognito().send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: temporaryPassword },
    })
  );
  if (started.ChallengeName !== 'NEW_PASSWORD_REQUIRED')
    throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${started.ChallengeName}`);
  const answered = await cognito().send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: started.Session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
    })
  );
  return answered.AuthenticationResult?.AccessToken ?? '';
};

export interface SubAccountLogin {
  contactId: string;
  loginId: string;
  email: string;
}

export interface SupportAccess {
  scope: SupportScope;
  /** Services assigned to the contact (use test/support/services.ts addService). */
  services?: Pick<Service, 'id' | 'type'>[];
}

/** A non-primary contact of the tenant at version 1; `fields` are the person and what differs. */
export const testContact = (
  tenant: Tenant,
  now: string,
  fields: Pick<Contact, 'firstName' | 'lastName' | 'email' | 'phone' | 'address'> & Partial<Contact>
): Contact => ({
  id: randomUUID(),
  accountId: tenant.accountId,
  kind: 'individual',
  language: 'en',
  emailPreferences: ALL_EMAIL_PREFERENCES,
  supportScope: 'none',
  assignedServices: [],
  subAccount: null,
  isPrimary: false,
  version: 1,
  createdAt: now,
  updatedAt: now,
  ...fields,
});

/** The membership that goes with a test contact's login, as the API writes it. */
const membershipPut = (
  tenant: Tenant,
  contact: Contact,
  grant: { loginId: string; permissions: Area[]; status: MembershipStatus }
) =>
  createMembershipPut({
    loginId: grant.loginId,
    accountId: tenant.accountId,
    contactId: contact.id,
    role: 'sub-account',
    permissions: grant.permissions,
    status: grant.status,
    primaryContactId: tenant.primaryContactId,
    supportScope: contact.supportScope,
    supportServiceIds: contact.assignedServices.map((service) => service.id),
    createdAt: contact.createdAt,
    updatedAt: contact.createdAt,
  });

/**
 * A contact of the tenant with a sub-account login holding `permissions`,
 * written straight through the entity builders (test setup only). The
 * support access lands on the contact and, denormalised, on the membership,
 * as a real assignment writes it.
 */
export const addSubAccountLogin = async (
  tenant: Tenant,
  permissions: Area[],
  status: 'active' | 'suspended' = 'active',
  support: SupportAccess & { emailPreferences?: EmailPreferences } = { scope: 'none' }
): Promise<SubAccountLogin> => {
  const suffix = randomUUID().slice(0, 8);
  const email = `sub-${suffix}@${tenant.email.split('@')[1]}`;
  const person = { email, firstName: 'Sub', lastName: `User ${suffix}` };
  const { loginId } = await ensureLogin(
    { cognito: cognito(), userPoolId: env('USER_POOL_ID'), password: TEST_PASSWORD },
    person
  );
  const now = new Date().toISOString();
  const services = support.services ?? [];
  const contact = testContact(tenant, now, {
    ...person,
    phone: '+441632960001',
    address: { line1: '3 Test Lane', city: 'Leeds', postcode: 'LS1 1AB', country: 'GB' },
    supportScope: support.scope,
    assignedServices: services.map(({ id, type }) => ({ id, type, assignedAt: now })),
    ...(support.emailPreferences ? { emailPreferences: support.emailPreferences } : {}),
    loginId,
    subAccount: { status, permissions },
  });
  const contactId = contact.id;
  await tableStore.transact([
    { Put: createContactPut(contact) },
    { Put: membershipPut(tenant, contact, { loginId, permissions, status }) },
    {
      Put: createLoginPut({
        loginId,
        name: `Sub User ${suffix}`,
        email,
        language: 'en',
        emailProven: true,
        createdAt: now,
        updatedAt: now,
      }),
    },
  ]);
  return { contactId, loginId, email };
};

/**
 * An existing login (another account's primary, say) joins the tenant as a
 * sub-account with `permissions`: one person working for two accounts, as
 * an agency does. Written straight through the entity builders (test setup only).
 */
export const joinAsSubAccount = async (
  tenant: Tenant,
  login: { loginId: string; email: string },
  permissions: Area[],
  status: 'active' | 'invited' = 'active'
): Promise<{ contactId: string }> => {
  const now = new Date().toISOString();
  const contact = testContact(tenant, now, {
    firstName: 'Agency',
    lastName: 'Member',
    email: login.email,
    phone: '+441632960002',
    address: { line1: '4 Test Lane', city: 'Leeds', postcode: 'LS1 1AC', country: 'GB' },
    loginId: login.loginId,
    subAccount: { status, permissions },
  });
  await tableStore.transact([
    { Put: createContactPut(contact) },
    { Put: membershipPut(tenant, contact, { loginId: login.loginId, permissions, status }) },
  ]);
  return { contactId: contact.id };
};

/** A contact without a login, written straight through the entity builder (test setup only). */
export const addContact = async (
  tenant: Tenant,
  email = `contact-${randomUUID().slice(0, 8)}@elsewhere.example`,
  options: {
    supportScope?: SupportScope;
    emailPreferences?: EmailPreferences;
    language?: Contact['language'];
    firstName?: string;
  } = {}
) => {
  const contact = testContact(tenant, new Date().toISOString(), {
    firstName: options.firstName ?? 'Plain',
    ...(options.language ? { language: options.language } : {}),
    lastName: 'Contact',
    email,
    phone: '+441632960002',
    address: { line1: '4 Test Lane', city: 'Leeds', postcode: 'LS1 1AC', country: 'GB' },
    supportScope: options.supportScope ?? 'none',
    ...(options.emailPreferences ? { emailPreferences: options.emailPreferences } : {}),
  });
  await tableStore.transact([{ Put: createContactPut(contact) }]);
  return { contactId: contact.id, email };
};

/**
 * An invitation of `tenant` to an existing login, as PUT .../sub-account
 * leaves it: a contact naming the login with an `invited` sub-account and
 * an `invited` membership (test setup only).
 */
export const addInvitation = (
  tenant: Tenant,
  login: { loginId: string; email: string },
  permissions: Area[] = ['profile']
) => joinAsSubAccount(tenant, login, permissions, 'invited');

/** The login id (`sub`) inside an access token, without verifying it (tests only). */
export const subOfToken = (accessToken: string): string => {
  const [, payload = ''] = accessToken.split('.');
  return String(JSON.parse(Buffer.from(payload, 'base64url').toString()).sub ?? '');
};
