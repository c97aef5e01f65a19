/**
 * Pagination cursors: opaque and bound. A cursor is the page's
 * LastEvaluatedKey sealed with AES-256-GCM, its associated data naming the
 * list, the partition it reads and whom it was issued to. So a cursor shows
 * no key (not even the id of a ticket the caller may not see), and one
 * changed, issued for another list or account, or issued to another login
 * fails to open: a 400. An opened key is still checked against the
 * listing's query (core/table/db.ts `checkCursorKey`), so even a validly sealed
 * key outside the list cannot reach DynamoDB.
 *
 * The key is derived from CURSOR_SECRET, read once at cold start; only the
 * functions that serve lists import this module.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { readCursorConfig } from '../platform/config.ts';
import { BadRequestError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import { type CursorListing, checkCursorKey } from '../table/db.ts';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const key = Buffer.from(
  hkdfSync('sha256', readCursorConfig().secret, '', 'portico pagination cursor v1', 32)
);

/** Whom a cursor is issued to: a login (client routes) or a staff login. */
export type CursorOwner =
  | { kind: 'member' | 'login'; loginId: string }
  | { kind: 'staff'; staffId: string };

/** A listing as its cursors know it: where its query reads, its name, and whose page it is. */
export interface CursorScope extends CursorListing {
  /** The list's name (e.g. `contacts`), unique among the lists of the API. */
  list: string;
  owner: CursorOwner;
}

const ownerOf = (owner: CursorOwner) =>
  owner.kind === 'staff' ? `staff#${owner.staffId}` : `login#${owner.loginId}`;

const associatedData = (scope: CursorScope) =>
  Buffer.from(
    [
      `v${VERSION}`,
      scope.list,
      scope.partitionAttribute,
      scope.partitionValue,
      ownerOf(scope.owner),
    ].join('\u0000')
  );

/** The cursor of the page after `lastKey`, or null when there is none. */
export const sealCursor = (
  lastKey: Record<string, unknown> | undefined,
  scope: CursorScope
): string | null => {
  if (!lastKey) return null;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(scope));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(lastKey), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, sealed, cipher.getAuthTag()]).toString('base64url');
};

const notValid = () =>
  new BadRequestError(PROBLEM.invalidCursor, 'The cursor is not valid for this list.');

/**
 * The start key a cursor stands for, or undefined without a cursor. Any
 * cursor this scope did not issue, or whose key lies outside the listing,
 * is a 400 that says no more than that.
 */
export const openCursor = (
  cursor: string | undefined,
  scope: CursorScope
): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) throw notValid();
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(associatedData(scope));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    plain = Buffer.concat([
      decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw notValid();
  }
  let startKey: unknown;
  try {
    startKey = JSON.parse(plain);
  } catch {
    throw notValid();
  }
  return checkCursorKey(startKey, scope);
};
