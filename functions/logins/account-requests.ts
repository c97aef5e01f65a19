/**
 * "Request an account": someone with a contract number and the email of a
 * contact of that account asks for a login. The request path only counts
 * it (per email and per source address) and queues an outbox task in the
 * same transaction; the outbox worker looks the details up and invites
 * (core/workflows/account-request.ts). So every accepted request does the
 * same writes and gets the same answer at once, whether or not the details
 * match: nothing to enumerate, by content or by timing
 * (docs/adr/0009-account-requests-off-the-request-path.md).
 */
import { writeTogether } from '#core/db/transact';
import { normaliseEmail } from '#core/entities/contact';
import { createOutboxPut } from '#core/entities/outbox';
import { takeRateTokenUpdate } from '#core/entities/rate-counter';
import { now } from '#core/platform/clock';
import { TooManyRequestsError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { rateLimitSubjectOfAddress } from './source-address.ts';

export const ACCOUNT_REQUEST_LIMITS = {
  perEmail: { limit: 3, windowSeconds: 3600 },
  perSourceIp: { limit: 20, windowSeconds: 3600 },
} as const;

export const ACCOUNT_REQUEST_ANSWER = {
  status: 'received',
  message:
    'If this email belongs to a contact of that contract and has no login yet, an invitation is on its way. ' +
    'Otherwise ask the account holder to give you access.',
} as const;

export const requestAccount = async (
  store: TableStore,
  input: { contractNumber: string; email: string },
  sourceIp: string
) => {
  const email = normaliseEmail(input.email);
  const at = now();
  const { perEmail, perSourceIp } = ACCOUNT_REQUEST_LIMITS;
  // One transaction: a request past either limit queues nothing.
  await writeTogether(
    [
      {
        action: {
          Update: takeRateTokenUpdate(
            { subject: `account-request#email#${email}`, ...perEmail },
            at
          ),
        },
      },
      {
        action: {
          Update: takeRateTokenUpdate(
            {
              subject: `account-request#ip#${rateLimitSubjectOfAddress(sourceIp)}`,
              ...perSourceIp,
            },
            at
          ),
        },
      },
      {
        // No account is known yet: the task names none.
        action: {
          Put: createOutboxPut(
            { kind: 'account-request', contractNumber: input.contractNumber, email },
            { now: at.toISOString() }
          ),
        },
      },
    ],
    () =>
      new TooManyRequestsError(
        PROBLEM.rateLimited,
        'Too many account requests; try again in an hour.',
        perEmail.windowSeconds
      ),
    store
  );
  return ACCOUNT_REQUEST_ANSWER;
};
