/**
 * Demo Hosting Ltd's other people, added the way the portal would add them
 * (through the contacts and sub-account services, as the primary login):
 * a billing sub-account with only invoices and profile, an isolated support
 * contact with a login for services and tickets, and a global support
 * contact without login.
 */
import { AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { MemberCaller } from '#core/access/caller';
import type { Area } from '#core/rules/permissions';
import type { ContactCreate } from '../functions/contacts/schemas.ts';
import type { SeedOptions } from './seed-options.ts';

const ADDRESS = { line1: '1 Harbour Street', city: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' };

export interface DemoPeople {
  billing: { contactId: string };
  devops: { contactId: string; loginId: string };
  tech: { contactId: string };
}

export const DEMO_SUB_ACCOUNTS = [
  { email: 'billing@demo.example', role: 'sub-account (invoices, profile)' },
  { email: 'devops@demo.example', role: 'sub-account, isolated support for one VPS' },
] as const;

export const primaryCaller = async (
  accountId: string,
  primaryLoginId: string
): Promise<MemberCaller> => {
  const { authorizeMember } = await import('#core/access/authorization');
  const { tableStore } = await import('#core/table/function-store');
  const authTime = Math.floor(Date.now() / 1000);
  const membership = await authorizeMember(
    primaryLoginId,
    accountId,
    { area: 'contacts' },
    authTime,
    tableStore
  );
  return { kind: 'member', loginId: primaryLoginId, authTime, membership };
};

export const seedDemoContacts = async (
  options: SeedOptions,
  owner: MemberCaller
): Promise<DemoPeople> => {
  const { createContact, getContact } = await import('../functions/contacts/service.ts');
  const { tableStore } = await import('#core/table/function-store');
  const { putSubAccount } = await import('../functions/logins/sub-accounts.ts');
  const { acceptInvitation } = await import('../functions/me/invitations.ts');

  /**
   * A contact with a login that works with the printed password, without the
   * first-sign-in change, and that has accepted the invitation as its owner would.
   */
  const withLogin = async (input: ContactCreate, permissions: Area[]) => {
    const { contact } = await createContact(tableStore, owner, input);
    const invited = await putSubAccount(tableStore, owner, contact.id, {
      permissions,
      password: options.password,
    });
    const loginId = invited.loginId ?? '';
    await acceptInvitation(
      tableStore,
      { kind: 'login', loginId, authTime: Math.floor(Date.now() / 1000) },
      owner.membership.accountId
    );
    await options.cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: options.userPoolId,
        Username: input.email,
        Password: options.password,
        Permanent: true,
      })
    );
    return getContact(tableStore, owner.membership.accountId, contact.id);
  };

  const billing = await withLogin(
    {
      kind: 'individual',
      firstName: 'Billie',
      lastName: 'Banks',
      email: 'billing@demo.example',
      phone: '+441632960962',
      address: ADDRESS,
      language: 'en',
      emailPreferences: { invoice: true },
      supportScope: 'none',
    },
    ['invoices', 'profile']
  );
  const devops = await withLogin(
    {
      kind: 'individual',
      firstName: 'Dev',
      lastName: 'Ops',
      email: 'devops@demo.example',
      phone: '+441632960964',
      address: ADDRESS,
      language: 'en',
      emailPreferences: { general: true, support: true },
      supportScope: 'isolated',
    },
    ['services', 'tickets']
  );
  const { contact: tech } = await createContact(tableStore, owner, {
    kind: 'individual',
    firstName: 'Tech',
    lastName: 'Contact',
    email: 'tech@elsewhere.example',
    phone: '+441632960963',
    address: ADDRESS,
    // Mail to this contact is written in Spanish.
    language: 'es',
    emailPreferences: { general: true, support: true },
    supportScope: 'global',
  });
  return {
    billing: { contactId: billing.id },
    devops: { contactId: devops.id, loginId: devops.loginId ?? '' },
    tech: { contactId: tech.id },
  };
};
