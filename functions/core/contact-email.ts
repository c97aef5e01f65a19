/**
 * Changing the email of a contact, shared by "My Details" and the contacts
 * API. A contact without a login just changes. For a contact with a login
 * the new address is only pending until its owner types the code mailed to
 * it; confirming moves the one-login-per-address marker, the contact and the
 * login profile together and queues the Cognito update.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './clients/dynamodb.ts';
import { isConditionFailure } from './db.ts';
import { checkEmailChangeCode, type PendingEmailChange, startEmailChange } from './email-change.ts';
import type { FieldChange } from './entities/audit.ts';
import { type Contact, normaliseEmail, spendEmailChangeAttemptUpdate } from './entities/contact.ts';
import { createLoginEmailPut, releaseLoginEmailDelete } from './entities/login-email.ts';
import type { MailTask } from './entities/outbox.ts';
import { ConflictError, ValidationError } from './errors.ts';
import { emailChangedMail, emailChangeRequestedMails } from './security-mail.ts';
import { type GuardedWrite, outboxWrites } from './transact.ts';

/**
 * Applies a requested email to `next` (the contact being changed): directly,
 * as a pending change with its mails, or cancelling a pending change when
 * the current address is sent back.
 */
export const planEmail = (
  before: Contact,
  next: Contact,
  email: string | undefined,
  now: Date
): { next: Contact; mails: MailTask[] } => {
  if (email === undefined) return { next, mails: [] };
  if (normaliseEmail(email) === normaliseEmail(before.email)) {
    const { emailChange: _cancelled, ...rest } = next;
    return { next: rest, mails: [] };
  }
  if (!before.loginId) return { next: { ...next, email }, mails: [] };
  const { pending, code } = startEmailChange(before.id, email, now);
  return {
    next: { ...next, emailChange: pending },
    mails: emailChangeRequestedMails(before, email, code),
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

const codeError = (message: string) => new ValidationError([{ field: 'code', message }]);

const spendAttempt = async (contact: Contact & { emailChange: PendingEmailChange }) => {
  try {
    await dynamo.send(new UpdateCommand(spendEmailChangeAttemptUpdate(tableName, contact)));
  } catch (error) {
    // A newer code replaced this one meanwhile: nothing left to spend.
    if (!isConditionFailure(error)) throw error;
  }
};

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
  now: Date
): Promise<ConfirmedEmail> => {
  const pending = contact.emailChange;
  const loginId = contact.loginId;
  if (!pending || !loginId) throw new ConflictError('No email change is waiting for confirmation.');
  const verdict = checkEmailChangeCode(contact.id, pending, code, now);
  if (verdict === 'wrong') {
    await spendAttempt({ ...contact, emailChange: pending });
    throw codeError(`The code is not correct; ${pending.attemptsLeft - 1} attempts left.`);
  }
  if (verdict !== 'valid') {
    throw codeError(
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
          Put: createLoginEmailPut(tableName, {
            email: next.email,
            loginId,
            createdAt: next.updatedAt,
          }),
        },
        onConditionFailed: () =>
          new ConflictError('Another login already uses this email address.'),
      },
      { action: { Delete: releaseLoginEmailDelete(tableName, { email: contact.email, loginId }) } },
      ...outboxWrites(contact.accountId, next.updatedAt, [
        { kind: 'login-email', loginId, email: next.email },
        emailChangedMail(next, contact.email),
      ]),
    ],
  };
};
