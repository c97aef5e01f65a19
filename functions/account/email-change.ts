/**
 * Confirming a new login email for "My Details". The code mailed to the new
 * address proves it; then one transaction moves the one-login-per-address
 * marker, the contact, the login profile and the audit entry, and queues the
 * Cognito update and the notice to the old address as outbox tasks.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { isConditionFailure } from '#core/db';
import { checkEmailChangeCode, type PendingEmailChange } from '#core/email-change';
import { type Contact, spendEmailChangeAttemptUpdate } from '#core/entities/contact';
import { createLoginEmailPut, releaseLoginEmailDelete } from '#core/entities/login-email';
import { ConflictError, ValidationError } from '#core/errors';
import type { MemberCaller } from '#core/http/types';
import { emailChangedMail } from './mails.ts';
import { commitPrimaryChange, loadAccount, outboxWrites, toAccountView } from './service.ts';

const codeError = (message: string) => new ValidationError([{ field: 'code', message }]);

const spendAttempt = async (contact: Contact & { emailChange: PendingEmailChange }) => {
  try {
    await dynamo.send(new UpdateCommand(spendEmailChangeAttemptUpdate(tableName, contact)));
  } catch (error) {
    // A newer code replaced this one meanwhile: nothing left to spend.
    if (!isConditionFailure(error)) throw error;
  }
};

export const confirmEmailChange = async (caller: MemberCaller, code: string) => {
  const loaded = await loadAccount(caller.membership);
  const { primary } = loaded;
  const pending = primary.emailChange;
  const loginId = primary.loginId;
  if (!pending || !loginId) throw new ConflictError('No email change is waiting for confirmation.');

  const now = new Date();
  const verdict = checkEmailChangeCode(primary.id, pending, code, now);
  if (verdict === 'wrong') {
    await spendAttempt({ ...primary, emailChange: pending });
    throw codeError(`The code is not correct; ${pending.attemptsLeft - 1} attempts left.`);
  }
  if (verdict !== 'valid') {
    throw codeError(
      'The code has expired or was tried too often; change the email again for a new one.'
    );
  }

  const next: Contact = {
    ...primary,
    email: pending.address,
    version: primary.version + 1,
    updatedAt: now.toISOString(),
  };
  delete next.emailChange;
  const saved = await commitPrimaryChange(
    caller,
    loaded,
    next,
    {
      action: 'account.email.confirmed',
      changes: {
        email: { before: primary.email, after: next.email },
        pendingEmail: { before: pending.address, after: null },
      },
    },
    {},
    [
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
      { action: { Delete: releaseLoginEmailDelete(tableName, { email: primary.email, loginId }) } },
      ...outboxWrites(loaded.account.id, next.updatedAt, [
        { kind: 'login-email', loginId, email: next.email },
        emailChangedMail(next, primary.email),
      ]),
    ]
  );
  return { view: toAccountView(saved), version: saved.account.version };
};
