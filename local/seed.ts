/**
 * Demo data for the local stack: two customer accounts with their primary
 * logins, and a staff login in the staff pool. Idempotent, so a persisted
 * stack can be started again.
 */
import {
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StaffCaller } from '#core/access/caller';
import { createOrFindUser } from '#core/access/cognito-users';
import { ConflictError } from '#core/platform/errors';
import { tableStore } from '#core/table/function-store';
import { type NewAccount, provisionAccount } from '../functions/staff/provision.ts';
import { ensureStaffLogin, type StaffPool } from '../scripts/local-stack/staff-logins.ts';
import { seedDemoBilling } from './seed-billing.ts';
import { DEMO_SUB_ACCOUNTS, primaryCaller, seedDemoContacts } from './seed-contacts.ts';
import type { SeedOptions } from './seed-options.ts';
import { assignDemoSupport, DEMO_SERVICES, seedDemoServices } from './seed-services.ts';
import { seedDemoTickets } from './seed-tickets.ts';

export interface DemoLogin {
  email: string;
  role: string;
  account: string;
}

type DemoAccount = Omit<NewAccount, 'loginId' | 'newLogin'>;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    name: 'Demo Hosting Ltd',
    contractNumbers: ['C-1001'],
    hostedDomains: ['demo.example'],
    primary: {
      firstName: 'Alex',
      lastName: 'Morgan',
      companyName: 'Demo Hosting Ltd',
      email: 'owner@demo.example',
      phone: '+441632960961',
      address: { line1: '1 Harbour Street', city: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' },
    },
  },
  {
    name: 'Other Customer Inc',
    contractNumbers: ['C-2002'],
    hostedDomains: ['other.example'],
    primary: {
      firstName: 'Sam',
      lastName: 'Taylor',
      companyName: 'Other Customer Inc',
      email: 'owner@other.example',
      phone: '+12025550143',
      address: {
        line1: '500 Market Avenue',
        line2: 'Suite 12',
        city: 'Springfield',
        region: 'IL',
        postcode: '62701',
        country: 'US',
      },
    },
  },
];

/** Creates the Cognito login with a permanent password, or finds the existing one. */
export const ensureLogin = async (
  options: SeedOptions,
  person: { email: string; firstName: string; lastName: string }
): Promise<{ loginId: string; created: boolean }> => {
  const { cognito, userPoolId, password } = options;
  const { sub, created } = await createOrFindUser(cognito, userPoolId, {
    ...person,
    username: person.email,
  });
  if (created) {
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: person.email,
        Password: password,
        Permanent: true,
      })
    );
  }
  return { loginId: sub, created };
};

export const seedDemoData = async (options: SeedOptions): Promise<DemoLogin[]> => {
  const logins: DemoLogin[] = [];
  const helpdesk: StaffCaller = {
    kind: 'staff',
    staffId: DEMO_STAFF.username,
    username: DEMO_STAFF.username,
  };
  for (const [index, demo] of DEMO_ACCOUNTS.entries()) {
    const { loginId, created } = await ensureLogin(options, demo.primary);
    try {
      const account = await provisionAccount(tableStore, { ...demo, loginId, newLogin: created });
      const contract = { id: account.id, contractNumber: account.contractNumbers[0] ?? '' };
      const services = await seedDemoServices(helpdesk, contract, DEMO_SERVICES[index] ?? []);
      if (index === 0) {
        const owner = await primaryCaller(account.id, loginId);
        const people = await seedDemoContacts(options, owner);
        await assignDemoSupport(owner, people, services);
        await seedDemoTickets(account, loginId, helpdesk, {
          serviceId: services.get('DEMO-VPS-17')?.id ?? '',
          supportLoginId: people.devops.loginId,
        });
        await seedDemoBilling(contract);
      }
    } catch (error) {
      // Already seeded on an earlier start of a persisted stack.
      if (!(error instanceof ConflictError)) throw error;
    }
    logins.push({ email: demo.primary.email, role: 'primary', account: demo.name });
    if (index === 0)
      logins.push(...DEMO_SUB_ACCOUNTS.map((login) => ({ ...login, account: demo.name })));
  }
  return logins;
};

export interface DemoStaffLogin {
  username: string;
  name: string;
  /** Base32 TOTP secret of the login's authenticator (new on every start). */
  totpSecret: string;
}

export const DEMO_STAFF = {
  username: 'staff@portico.example',
  email: 'staff@portico.example',
  firstName: 'Robin',
  lastName: 'Desk',
} as const;

/** The helpdesk login of the staff pool, with the demo password, a TOTP device and its staff item. */
export const seedDemoStaff = async (
  cognito: CognitoIdentityProviderClient,
  pool: StaffPool,
  password: string
): Promise<DemoStaffLogin> => {
  const login = await ensureStaffLogin(cognito, pool, DEMO_STAFF, password, tableStore);
  return {
    username: login.username,
    name: `${DEMO_STAFF.firstName} ${DEMO_STAFF.lastName}`,
    totpSecret: login.totpSecret,
  };
};
