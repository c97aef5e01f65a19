/**
 * `Idempotency-Key` for creates: the first request stores its result in the
 * same transaction as the create; a retry with the same key and the same
 * request answers that stored result (no second resource, no extra read: the
 * failed condition hands the record back), the same key with a different
 * request is a 422. Reading the header is http/idempotency-key.ts's.
 */
import { createHash } from 'node:crypto';
import { createIdempotencyPut } from '../entities/idempotency.ts';
import { ConflictError, UnprocessableContentError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import type { GuardedWrite } from './transact.ts';

/** Thrown by the create's transaction when the key already holds this request's result. */
export class IdempotentReplay extends Error {
  constructor(readonly result: Record<string, unknown>) {
    super('Idempotent replay');
    this.name = 'IdempotentReplay';
  }
}

export const fingerprintOf = (request: unknown): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('base64url');

/** Whose key (one login on one account), the key, and what was asked. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  request: unknown;
}

/** Whose keys: one login on one account, or one staff login. */
export const memberScope = (caller: { loginId: string; membership: { accountId: string } }) =>
  `${caller.membership.accountId}#${caller.loginId}`;
export const staffScope = (caller: { staffId: string }) => `staff#${caller.staffId}`;

/**
 * The claim of a request to `operation` (its route id), or undefined when no
 * key was sent. Keys are the caller's own per operation, so one key reused
 * on another route is simply another request.
 */
export const claimOf = (
  scope: string,
  operation: string,
  key: string | undefined,
  request: unknown
): IdempotencyClaim | undefined =>
  key === undefined ? undefined : { scope: `${scope}#${operation}`, key, request };

/**
 * Runs a change's commit with the idempotency record added to its writes
 * (when a key was sent; put it first, so a retry is told apart before any
 * other condition). A replay answers the stored result instead.
 */
export const commitOnce = async <R extends Record<string, unknown>>(
  claim: IdempotencyClaim | undefined,
  result: R,
  createdAt: string,
  commit: (idempotencyWrites: GuardedWrite[]) => Promise<void>
): Promise<{ result: R; replayed: boolean }> => {
  try {
    await commit(claim ? [idempotencyWrite(claim, result, createdAt)] : []);
    return { result, replayed: false };
  } catch (error) {
    if (!(error instanceof IdempotentReplay)) throw error;
    return { result: error.result as R, replayed: true };
  }
};

/** The write that records `result` under the key, to join the create's transaction. */
export const idempotencyWrite = (
  claim: IdempotencyClaim,
  result: Record<string, unknown>,
  createdAt: string
): GuardedWrite => {
  const fingerprint = fingerprintOf(claim.request);
  return {
    action: {
      Put: createIdempotencyPut({
        scope: claim.scope,
        key: claim.key,
        fingerprint,
        result,
        createdAt,
      }),
    },
    onConditionFailed: (current) => {
      if (!current)
        return new ConflictError(
          PROBLEM.idempotencyKeyInUse,
          'This Idempotency-Key has been used already.'
        );
      if (current.fingerprint !== fingerprint) {
        return new UnprocessableContentError(
          PROBLEM.idempotencyKeyReused,
          [
            {
              field: 'Idempotency-Key',
              code: 'already_used',
              message: 'Already used for a different request.',
            },
          ],
          'This Idempotency-Key was used for a different request; send a new key for a new request.'
        );
      }
      return new IdempotentReplay(current.result as Record<string, unknown>);
    },
  };
};
