/**
 * Activating a login for a contact: with a password the granter chose, or
 * with an invitation the outbox mails. The Cognito login is created first
 * (or the person's existing one found); if the table write then fails, a
 * login created here is deleted again.
 */
import type { Profile } from '#core/account-profile';
import { tableName } from '#core/clients/dynamodb';
import { staleError } from '#core/concurrency';
import { type Contact, contactDisplayName } from '#core/entities/contact';
import { createLoginPut } from '#core/entities/login';
import { createLoginEmailPut } from '#core/entities/login-email';
import { createMembershipPut } from '#core/entities/membership';
import type { OutboxTask } from '#core/entities/outbox';
import { ConflictError, ValidationError } from '#core/errors';
import { generatePassword, passwordPolicyProblems } from '#core/passwords';
import type { Area } from '#core/permissions';
import { accessGrantedMail } from '#core/security-mail';
import { type GuardedWrite, outboxWrites, writeTogether } from '#core/transact';
import { createOrFindLogin, deleteLogin } from './cognito-logins.ts';
import { type Actor, auditWrites, nextImage } from './login-change.ts';
import type { SubAccountPut } from './schemas.ts';

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

/**
 * Gives the contact a login on the account (a new one, or the one the person
 * already has). The primary contact of an account the operators loaded has
 * no login yet; when it asks for one (account requests), it becomes the
 * account holder's login: role `primary`, every area, global support scope,
 * and no sub-account on the contact.
 */
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
  const holder = contact.isPrimary;
  const next = nextImage(contact, {
    loginId: login.loginId,
    subAccount: holder ? null : { status: 'active', permissions },
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
        ...auditWrites(
          actor,
          contact,
          next,
          holder ? 'primary.login.activated' : 'sub-account.activated'
        ),
        {
          action: {
            Put: createMembershipPut(tableName, {
              ...ids,
              contactId: contact.id,
              role: holder ? 'primary' : 'sub-account',
              permissions: holder ? [] : permissions,
              status: 'active',
              primaryContactId: profile.account.primaryContactId,
              supportScope: holder ? 'global' : contact.supportScope,
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
