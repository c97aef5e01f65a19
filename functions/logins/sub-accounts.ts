/**
 * Sub-account logins of contacts: activate (own password or invitation),
 * change permissions, suspend and resume, deactivate. The rules: nobody
 * grants an area they do not hold, nobody changes their own login, and the
 * primary's login is the account holder's alone.
 */

import { actorOf, contactIn, loadProfile, type Profile } from '#core/account-profile';
import { tableName } from '#core/clients/dynamodb';
import { staleError } from '#core/concurrency';
import { contactChangeWrites } from '#core/contact-changes';
import { diffFields } from '#core/entities/audit';
import { type Contact, contactDisplayName } from '#core/entities/contact';
import { createLoginPut } from '#core/entities/login';
import { createLoginEmailPut } from '#core/entities/login-email';
import {
  createMembershipPut,
  deleteMembershipDelete,
  patchMembershipUpdate,
} from '#core/entities/membership';
import type { OutboxTask } from '#core/entities/outbox';
import { ConflictError, ForbiddenError, ValidationError } from '#core/errors';
import type { MemberCaller } from '#core/http/types';
import { generatePassword, passwordPolicyProblems } from '#core/passwords';
import { AREAS, type Area, allowedAreas } from '#core/permissions';
import { accessGrantedMail } from '#core/security-mail';
import { type GuardedWrite, outboxWrites, writeTogether } from '#core/transact';
import { createOrFindLogin, deleteLogin, signOutEverywhere } from './cognito-logins.ts';
import type { SubAccountPut } from './schemas.ts';

const primaryOf = (profile: Profile) => profile.contacts.find((contact) => contact.isPrimary);

const refuse = (caller: MemberCaller, profile: Profile, detail: string, area: Area = 'contacts') =>
  new ForbiddenError(detail, {
    area,
    allowedAreas: allowedAreas(caller.membership),
    grantedBy: {
      name: contactDisplayName(
        primaryOf(profile) ?? { firstName: 'the account', lastName: 'holder' }
      ),
    },
  });

/** The contact whose login the caller wants to manage, after the rules that do not depend on the grant. */
const targetOf = (caller: MemberCaller, profile: Profile, contactId: string): Contact => {
  const contact = contactIn(profile, contactId);
  if (contact.isPrimary)
    throw new ConflictError(
      'The primary contact’s login is the account holder’s; it cannot be changed here.'
    );
  if (contact.loginId && contact.loginId === caller.loginId) {
    throw refuse(
      caller,
      profile,
      'A login cannot change its own permissions or status; ask the account holder.'
    );
  }
  return contact;
};

/** Every area in `areas` must be one the caller may open itself. */
const checkGrant = (caller: MemberCaller, profile: Profile, areas: readonly Area[]) => {
  const held = allowedAreas(caller.membership);
  const missing = areas.filter((area) => !held.includes(area));
  const [first] = missing;
  if (first)
    throw refuse(
      caller,
      profile,
      `You cannot grant areas you do not hold: ${missing.join(', ')}.`,
      first
    );
};

const requestedAreas = (body: SubAccountPut): Area[] =>
  body.preset === 'full' ? [...AREAS] : AREAS.filter((area) => body.permissions?.includes(area));

const nextImage = (contact: Contact, change: Partial<Contact>): Contact => ({
  ...contact,
  ...change,
  version: contact.version + 1,
  updatedAt: new Date().toISOString(),
});

type Actor = { loginId: string; name: string };

const auditWrites = (actor: Actor, before: Contact, next: Contact, action: string) =>
  contactChangeWrites(before, next, {
    actor,
    action,
    changes: diffFields(before, next, ['subAccount', 'loginId']),
  });

/** PUT .../sub-account: activates a login for the contact, or changes its permissions. */
export const putSubAccount = async (
  caller: MemberCaller,
  contactId: string,
  body: SubAccountPut
) => {
  const profile = await loadProfile(caller.membership.accountId);
  const contact = targetOf(caller, profile, contactId);
  const permissions = requestedAreas(body);
  checkGrant(caller, profile, permissions);

  if (contact.subAccount && contact.loginId) {
    const next = nextImage(contact, { subAccount: { ...contact.subAccount, permissions } });
    await writeTogether(
      [
        ...auditWrites(actorOf(caller, profile), contact, next, 'sub-account.permissions.changed'),
        {
          action: {
            Update: patchMembershipUpdate(
              tableName,
              { loginId: contact.loginId, accountId: contact.accountId },
              { permissions, updatedAt: next.updatedAt }
            ),
          },
        },
      ],
      () => staleError({})
    );
    return { contact: next, linkedExistingLogin: false };
  }
  return activate(actorOf(caller, profile), profile, contact, permissions, body);
};

/**
 * A person who already had a login is told it now opens this account; an
 * invited new login gets its invitation (the outbox sets and mails a fresh
 * temporary password); a granter-chosen password is never mailed.
 */
const followUpMail = (
  login: { loginId: string; created: boolean },
  contact: Contact,
  accountName: string,
  body: SubAccountPut
): OutboxTask[] => {
  if (!login.created) return [accessGrantedMail(contact, accountName)];
  if (!body.invite) return [];
  return [
    {
      kind: 'invite-login',
      loginId: login.loginId,
      email: contact.email,
      firstName: contact.firstName,
      accountName,
    },
  ];
};

/** Gives the contact a login on the account (a new one, or the one the person already has). */
export const activate = async (
  actor: Actor,
  profile: Profile,
  contact: Contact,
  permissions: Area[],
  body: SubAccountPut
) => {
  if (body.password === undefined && body.invite === undefined) {
    throw new ValidationError([
      { field: 'password', message: 'Choose an initial password or send `invite: true`.' },
    ]);
  }
  if (body.password !== undefined) {
    const problems = passwordPolicyProblems(body.password);
    if (problems.length) {
      throw new ValidationError([
        { field: 'password', message: `The password needs ${problems.join(', ')}.` },
      ]);
    }
  }
  // An invited login starts with a password nobody knows; the invitation replaces it.
  const temporaryPassword = body.password ?? generatePassword();
  const login = await createOrFindLogin({ ...contact, temporaryPassword });
  const next = nextImage(contact, {
    loginId: login.loginId,
    subAccount: { status: 'active', permissions },
  });
  const now = next.updatedAt;
  const ids = { loginId: login.loginId, accountId: contact.accountId };
  const newLoginWrites: GuardedWrite[] = login.created
    ? [
        {
          action: {
            Put: createLoginPut(tableName, {
              ...ids,
              name: contactDisplayName(contact),
              email: contact.email,
              createdAt: now,
              updatedAt: now,
            }),
          },
        },
        {
          action: {
            Put: createLoginEmailPut(tableName, {
              email: contact.email,
              loginId: login.loginId,
              createdAt: now,
            }),
          },
        },
      ]
    : [];
  const accountName = profile.account.name;
  try {
    await writeTogether(
      [
        ...auditWrites(actor, contact, next, 'sub-account.activated'),
        {
          action: {
            Put: createMembershipPut(tableName, {
              ...ids,
              contactId: contact.id,
              role: 'sub-account',
              permissions,
              status: 'active',
              primaryContactId: profile.account.primaryContactId,
              supportScope: contact.supportScope,
              supportServiceIds: contact.assignedServices.map((service) => service.id),
              createdAt: now,
              updatedAt: now,
            }),
          },
          onConditionFailed: () =>
            new ConflictError('This person already has a login on this account.'),
        },
        ...newLoginWrites,
        ...outboxWrites(contact.accountId, now, followUpMail(login, contact, accountName, body)),
      ],
      () => staleError({})
    );
  } catch (error) {
    if (login.created) await deleteLogin(login.loginId);
    throw error;
  }

  return { contact: next, linkedExistingLogin: !login.created };
};

/** PATCH .../sub-account: suspend or resume; takes effect on the login's very next request. */
export const setSubAccountStatus = async (
  caller: MemberCaller,
  contactId: string,
  status: 'active' | 'suspended'
) => {
  const profile = await loadProfile(caller.membership.accountId);
  const contact = targetOf(caller, profile, contactId);
  if (!contact.subAccount || !contact.loginId)
    throw new ConflictError('This contact has no sub-account.');
  // Resuming hands the permissions back: the same rule as granting them.
  if (status === 'active') checkGrant(caller, profile, contact.subAccount.permissions);
  if (contact.subAccount.status === status) return contact;
  const next = nextImage(contact, { subAccount: { ...contact.subAccount, status } });
  await writeTogether(
    [
      ...auditWrites(
        actorOf(caller, profile),
        contact,
        next,
        `sub-account.${status === 'active' ? 'resumed' : 'suspended'}`
      ),
      {
        action: {
          Update: patchMembershipUpdate(
            tableName,
            { loginId: contact.loginId, accountId: contact.accountId },
            { status, updatedAt: next.updatedAt }
          ),
        },
      },
    ],
    () => staleError({})
  );
  if (status === 'suspended') await signOutEverywhere(contact.loginId);
  return next;
};

/** DELETE .../sub-account: the login leaves this account; the contact and the person's other accounts stay. */
export const removeSubAccount = async (caller: MemberCaller, contactId: string) => {
  const profile = await loadProfile(caller.membership.accountId);
  const contact = targetOf(caller, profile, contactId);
  const loginId = contact.loginId;
  if (!contact.subAccount || !loginId) throw new ConflictError('This contact has no sub-account.');
  const { loginId: _removed, ...rest } = contact;
  const next = nextImage(rest, { subAccount: null });
  await writeTogether(
    [
      ...auditWrites(actorOf(caller, profile), contact, next, 'sub-account.removed'),
      {
        action: {
          Delete: deleteMembershipDelete(tableName, { loginId, accountId: contact.accountId }),
        },
      },
    ],
    () => staleError({})
  );
  return next;
};
