/**
 * Confirming a new login email for "My Details": the code mailed to the new
 * address proves it; then Cognito's login and the contact change together.
 */
import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cognito, userPoolId } from '#core/clients/cognito';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { isConditionFailure } from '#core/db';
import { checkEmailChangeCode, type PendingEmailChange } from '#core/email-change';
import type { Contact } from '#core/entities/contact';
import { spendEmailChangeAttemptUpdate } from '#core/entities/contact';
import { ConflictError, ValidationError } from '#core/errors';
import type { MemberCaller } from '#core/http/types';
import { mailEmailChanged } from './mails.ts';
import { commitPrimaryChange, loadAccount, requirePrimary, toAccountView } from './service.ts';

const codeError = (message: string) => new ValidationError([{ field: 'code', message }]);

const setLoginEmail = async (loginId: string, email: string) => {
  try {
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: userPoolId,
        Username: loginId,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      })
    );
  } catch (error) {
    if (error instanceof Error && /AliasExists|UsernameExists/.test(error.name)) {
      throw new ConflictError('Another login already uses this email address.');
    }
    throw error;
  }
};

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
  requirePrimary(caller, primary);
  const pending = primary.emailChange;
  if (!pending || !primary.loginId)
    throw new ConflictError('No email change is waiting for confirmation.');

  const now = new Date();
  const verdict = checkEmailChangeCode(primary.id, pending, code, now);
  if (verdict === 'wrong') {
    await spendAttempt({ ...primary, emailChange: pending });
    throw codeError(`The code is not correct; ${pending.attemptsLeft - 1} attempts left.`);
  }
  if (verdict !== 'valid')
    throw codeError(
      'The code has expired or was tried too often; change the email again for a new one.'
    );

  // Cognito first: if the table write then fails, a retry repeats an idempotent attribute update.
  await setLoginEmail(primary.loginId, pending.address);
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
    {}
  );
  await mailEmailChanged(next, primary.email);
  return { view: toAccountView(saved), version: saved.account.version };
};
