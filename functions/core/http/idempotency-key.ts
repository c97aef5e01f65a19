/**
 * The `Idempotency-Key` header of the routes that declare `idempotencyKey`
 * (what the key does is core/db/idempotency.ts's). Kept apart from it so the
 * middy stack, which every function loads, pulls in no table client.
 */
import { BadRequestError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';

/** Printable, header-safe and short: a UUID or a client's own request id fits. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The header's key, or undefined when none was sent; a malformed key is a 400. */
export const parseIdempotencyKey = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  const key = header.trim();
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new BadRequestError(
      PROBLEM.invalidIdempotencyKey,
      'Idempotency-Key must be 8 to 100 characters of letters, digits and . _ : - (a UUID is ideal).'
    );
  }
  return key;
};
