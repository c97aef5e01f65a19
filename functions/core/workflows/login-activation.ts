/**
 * Activating a login for a contact: with a password the granter chose, or
 * with an invitation the outbox mails. The Cognito login is created first
 * (or the person's existing one found); if the table write then fails, a
 * login created here is deleted again. Either way the login joins only
 * when its owner accepts.
 */

import { createOrFindLogin, deleteLogin } from '../access/cognito-logins.ts';
import { generatePassword, passwordPolicyProblems } from '../access/passwords.ts';
import { staleError } from '../db/concurrency.ts';
import { type GuardedWrite, outboxWrites, writeTogether } from '../db/transact.ts';
import { type Contact, contactDisplayName, normaliseEmail } from '../entities/contact.ts';
import { createLoginPut } from '../entities/login.ts';
import { createLoginEmailPut } from '../entities/login-email.ts';
import { createMembershipPut } from '../entities/membership.ts';
import type { OutboxTask } from '../entities/outbox.ts';
import { mailLimitWrites } from '../mail/mail-limits.ts';
import { ConflictError, ValidationError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import type { Area } from '../rules/permissions.ts';
import type { TableStore } from '../table/store.ts';
import type { Profile } from './account-profile.ts';
import { type Actor, auditWrites, nextImage } from './login-change.ts';

/** How the login starts: a password the granter chose, or an invitation. */
export interface ActivationChoice {
  password?: string;
  invite?: true;
}

/**
 * What goes to the address. A login created with a password the granter
 * chose gets nothing (the granter shares the password). Any other case is
 * an invitation task: the outbox looks at the login when it runs, and a
 * login whose mailbox owner has not yet proven the address gets a fresh
 * password mailed (ending the granter's sessions); a proven login is only
 * told to sign in as usual and accept.
 */
const followUpMail = (
  login: { loginId: string; created: boolean },
  contact: Contact,
  accountName: string,
  body: ActivationChoice
): OutboxTask[] =>
  login.created && !body.invite
    ? []
    : [
        {
          kind: 'invite-login',
          loginId: login.loginId,
          email: contact.email,
          firstName: contact.firstName,
          accountName,
          language: contact.language,
        },
      ];

/**
 * Invitations reach addresses the granter chose: at most this many per
 * account, and per address from one account, each hour, counted in the
 * activation's own transaction. Every activation counts, whether or not a
 * mail goes out, so the limit answers alike for an address with a login and
 * one without; and one account's count tells it nothing of another's.
 */
export const INVITATION_LIMITS = {
  perAccount: { limit: 50, windowSeconds: 3600 },
  perAddress: { limit: 5, windowSeconds: 3600 },
} as const;

const invitationLimits = (contact: Contact, now: Date) =>
  mailLimitWrites(
    [
      { subject: `invitation#account#${contact.accountId}`, ...INVITATION_LIMITS.perAccount },
      {
        subject: `invitation#address#${contact.accountId}#${normaliseEmail(contact.email)}`,
        ...INVITATION_LIMITS.perAddress,
      },
    ],
    'invitations',
    now
  );

/**
 * Invites the contact's login to the account: a new login, or the one the
 * person already has. Either way the membership starts `invited` and opens
 * nothing until the login's owner accepts it while signed in
 * (functions/me/invitations.ts), and the answer is the same in both cases,
 * so it never tells whether the address already had a login. An existing
 * login's password is never touched. The primary contact of an account the operators loaded has
 * no login yet; when it asks for one (account requests), it becomes the
 * account holder's login: role `primary`, every area, global support scope,
 * and no sub-account on the contact.
 */
export const activate = async (
  store: TableStore,
  actor: Actor,
  profile: Profile,
  contact: Contact,
  permissions: Area[],
  body: ActivationChoice
) => {
  if (body.password === undefined && body.invite === undefined) {
    throw new ValidationError(PROBLEM.validationFailed, [
      {
        field: 'password',
        code: 'required',
        message: 'Choose an initial password or send `invite: true`.',
      },
    ]);
  }
  if (body.password !== undefined) {
    const problems = passwordPolicyProblems(body.password);
    if (problems.length) {
      throw new ValidationError(PROBLEM.validationFailed, [
        {
          field: 'password',
          code: 'weak_password',
          message: `The password needs ${problems.join(', ')}.`,
        },
      ]);
    }
  }
  // An invited login starts with a password nobody knows; the invitation replaces it.
  const temporaryPassword = body.password ?? generatePassword();
  const login = await createOrFindLogin({ ...contact, temporaryPassword });
  const holder = contact.isPrimary;
  const next = nextImage(contact, {
    loginId: login.loginId,
    subAccount: holder ? null : { status: 'invited', permissions },
  });
  const now = next.updatedAt;
  const ids = { loginId: login.loginId, accountId: contact.accountId };
  const newLoginWrites: GuardedWrite[] = login.created
    ? [
        {
          action: {
            Put: createLoginPut({
              ...ids,
              name: contactDisplayName(contact),
              email: contact.email,
              language: contact.language,
              // Nobody but Portico has mailed this address yet: confined to this account.
              emailProven: false,
              confinedToAccountId: contact.accountId,
              createdAt: now,
              updatedAt: now,
            }),
          },
        },
        {
          action: {
            Put: createLoginEmailPut({
              email: contact.email,
              loginId: login.loginId,
              createdAt: now,
            }),
          },
        },
      ]
    : [];
  const accountName = profile.account.name;
  const mail = followUpMail(login, contact, accountName, body);
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
            Put: createMembershipPut({
              ...ids,
              contactId: contact.id,
              role: holder ? 'primary' : 'sub-account',
              permissions: holder ? [] : permissions,
              status: 'invited',
              primaryContactId: profile.account.primaryContactId,
              supportScope: holder ? 'global' : contact.supportScope,
              supportServiceIds: contact.assignedServices.map((service) => service.id),
              createdAt: now,
              updatedAt: now,
            }),
          },
          onConditionFailed: () =>
            new ConflictError(
              PROBLEM.alreadyMember,
              'This person already has a login on this account.'
            ),
        },
        ...newLoginWrites,
        ...outboxWrites(contact.accountId, now, mail),
        ...invitationLimits(contact, new Date(now)),
      ],
      () => staleError({}),
      store
    );
  } catch (error) {
    if (login.created) await deleteLogin(login.loginId);
    throw error;
  }

  return next;
};
