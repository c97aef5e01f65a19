/**
 * Changing the email of a contact, shared by "My Details" and the contacts
 * API. A contact without a login just changes. For a contact with a login
 * the new address is only pending until its owner types the code mailed to
 * it; confirming moves the one-login-per-address marker, the contact and the
 * login profile together and queues the Cognito update.
 */

import type { MemberCaller } from '../access/caller.ts';
import { type GuardedWrite, outboxWrites, updateIf } from '../db/transact.ts';
import type { FieldChange } from '../entities/audit.ts';
import {
  type Contact,
  normaliseEmail,
  spendEmailChangeAttemptUpdate,
} from '../entities/contact.ts';
import { createLoginEmailPut, releaseLoginEmailDelete } from '../entities/login-email.ts';
import type { MailTask } from '../entities/outbox.ts';
import { mailLimitWrites } from '../mail/mail-limits.ts';
import { emailChangedMail, emailChangeRequestedMails } from '../mail/security-mail.ts';
import { ConflictError, ValidationError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import { checkEmailChangeCode, startEmailChange } from '../rules/email-change.ts';
import type { TableStore } from '../table/store.ts';

/**
 * Code mails a contact and an account may cause: each one goes to an
 * address the requester chose, so they are counted in the change's own
 * transaction and a full window refuses the change.
 */
export const CODE_MAIL_LIMITS = {
  perContact: { limit: 5, windowSeconds: 3600 },
  perAccount: { limit: 20, windowSeconds: 3600 },
} as const;

const codeMailLimits = (contact: Contact, now: Date): GuardedWrite[] =>
  mailLimitWrites(
    [
      { subject: `email-code#contact#${contact.id}`, ...CODE_MAIL_LIMITS.perContact },
      { subject: `email-code#account#${contact.accountId}`, ...CODE_MAIL_LIMITS.perAccount },
    ],
    'confirmation codes',
    now
  );

/** A login is its person's: an account may change a contact's email only while no login hangs on it. */
const notYourLogin = () =>
  new ConflictError(
    PROBLEM.contactEmailIsLogin,
    'This contact’s email is the address of its login, and only the person can change that, ' +
      'from their own profile. To use another address here, remove the login from this account ' +
      '(DELETE .../sub-account) and then change the email.',
    { field: 'email' }
  );

/**
 * A sub-account's login email is changed where every login changes it,
 * `/me/email-change`, which also knows whether the login's address was ever
 * proven (a login whose password a granter chose may not move its address).
 */
const useOwnProfile = () =>
  new ConflictError(
    PROBLEM.ownLoginEmail,
    'Your login email is changed from your own profile (POST /me/email-change), for every account at once.',
    { field: 'email' }
  );

export interface PlannedEmail {
  next: Contact;
  mails: MailTask[];
  /** Rate-limit writes for the change's transaction (when a code mail goes out). */
  limits: GuardedWrite[];
}

/**
 * Applies a requested email to `next` (the contact being changed): directly
 * for a contact without a login; as a pending change with its code mail
 * when the caller is the primary changing its own (My Details); refused
 * for anyone else's login. Sending the current address back cancels a
 * pending change.
 */
export const planEmail = (
  before: Contact,
  next: Contact,
  email: string | undefined,
  now: Date,
  { loginId: callerLoginId, membership }: MemberCaller
): PlannedEmail => {
  const callerIsPrimary = membership.role === 'primary';
  if (email === undefined) return { next, mails: [], limits: [] };
  if (normaliseEmail(email) === normaliseEmail(before.email)) {
    const { emailChange: _cancelled, ...rest } = next;
    return { next: rest, mails: [], limits: [] };
  }
  if (!before.loginId) return { next: { ...next, email }, mails: [], limits: [] };
  if (before.loginId !== callerLoginId) throw notYourLogin();
  if (!callerIsPrimary) throw useOwnProfile();
  const { pending, code } = startEmailChange(before.id, email, now, callerLoginId);
  return {
    next: { ...next, emailChange: pending },
    mails: emailChangeRequestedMails(before, email, code),
    limits: codeMailLimits(before, now),
  };
};

/** The pending address in audit entries, and a re-sent code counts as a change. */
export const pendingEmailChange = (
  before: Contact,
  after: Contact,
  mails: MailTask[]
): Record<string, FieldChange> => {
  const pendingBefore = before.emailChange?.address ?? null;
  const pendingAfter = after.emailChange?.address ?? null;
  return mails.length > 0 || pendingBefore !== pendingAfter
    ? { pendingEmail: { before: pendingBefore, after: pendingAfter } }
    : {};
};

const codeError = (code: 'code_incorrect' | 'code_expired', message: string) =>
  new ValidationError(PROBLEM.validationFailed, [{ field: 'code', code, message }]);

export interface ConfirmedEmail {
  next: Contact;
  changes: Record<string, FieldChange>;
  writes: GuardedWrite[];
}

/**
 * Checks the code (a wrong one spends an attempt) and returns the contact
 * with its new address plus the writes that must go with it.
 */
export const confirmEmail = async (
  contact: Contact,
  code: string,
  now: Date,
  callerLoginId: string,
  store: TableStore
): Promise<ConfirmedEmail> => {
  const pending = contact.emailChange;
  const loginId = contact.loginId;
  if (!pending || !loginId)
    throw new ConflictError(
      PROBLEM.noEmailChangePending,
      'No email change is waiting for confirmation.'
    );
  // The new address becomes a login's: only the login that asked, still on this contact, may confirm it.
  if (loginId !== callerLoginId || pending.startedBy !== callerLoginId) throw notYourLogin();
  const verdict = checkEmailChangeCode(contact.id, pending, code, now);
  if (verdict === 'valid' || verdict === 'wrong') {
    // Every guess spends an attempt before it is compared, through a conditional update that
    // refuses once none is left (or a newer code replaced this one): concurrent guesses share none.
    if (
      !(await updateIf(spendEmailChangeAttemptUpdate({ ...contact, emailChange: pending }), store))
    ) {
      throw codeError(
        'code_expired',
        'The code has expired or was tried too often; change the email again for a new one.'
      );
    }
  }
  if (verdict === 'wrong') {
    throw codeError(
      'code_incorrect',
      `The code is not correct; ${pending.attemptsLeft - 1} attempts left.`
    );
  }
  if (verdict !== 'valid') {
    throw codeError(
      'code_expired',
      'The code has expired or was tried too often; change the email again for a new one.'
    );
  }
  const { emailChange: _confirmed, ...rest } = contact;
  const next: Contact = {
    ...rest,
    email: pending.address,
    version: contact.version + 1,
    updatedAt: now.toISOString(),
  };
  return {
    next,
    changes: {
      email: { before: contact.email, after: next.email },
      pendingEmail: { before: pending.address, after: null },
    },
    writes: [
      {
        action: {
          Put: createLoginEmailPut({
            email: next.email,
            loginId,
            createdAt: next.updatedAt,
          }),
        },
        onConditionFailed: () =>
          new ConflictError(
            PROBLEM.loginEmailTaken,
            'Another login already uses this email address.'
          ),
      },
      { action: { Delete: releaseLoginEmailDelete({ email: contact.email, loginId }) } },
      ...outboxWrites(contact.accountId, next.updatedAt, [
        { kind: 'login-email', loginId, email: next.email },
        emailChangedMail(next, contact.email),
      ]),
    ],
  };
};
