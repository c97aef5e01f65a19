/**
 * The writes that keep "one contact per address in an account" with every
 * change of a contact's email: claim the new address (a 409 naming the
 * contact that holds it), release the old one. Shared by adding, changing,
 * confirming and following a contact's email, and by removing a contact.
 */

import type { GuardedWrite } from '../db/transact.ts';
import { type Contact, normaliseEmail } from '../entities/contact.ts';
import {
  claimContactEmailPut,
  releaseContactEmailDelete,
} from '../entities/contact-email-marker.ts';
import { ConflictError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';

export const addressTaken = (current?: Record<string, unknown>) =>
  new ConflictError(
    PROBLEM.contactEmailTaken,
    'Another contact of this account already has this email address; change that contact instead.',
    {
      field: 'email',
      ...(typeof current?.contactId === 'string' ? { existingContactId: current.contactId } : {}),
    }
  );

const claim = (contact: Pick<Contact, 'accountId' | 'id' | 'email'>, at: string): GuardedWrite => ({
  action: {
    Put: claimContactEmailPut({
      accountId: contact.accountId,
      email: contact.email,
      contactId: contact.id,
      createdAt: at,
    }),
  },
  onConditionFailed: addressTaken,
});

const release = (contact: Pick<Contact, 'accountId' | 'id' | 'email'>): GuardedWrite => ({
  action: {
    Delete: releaseContactEmailDelete({
      accountId: contact.accountId,
      email: contact.email,
      contactId: contact.id,
    }),
  },
});

/**
 * From `before` to `next` (`null` before: a new contact; `null` next: a
 * removed one). No writes when the normalised address stays the same.
 */
export const contactAddressWrites = (
  before: Pick<Contact, 'accountId' | 'id' | 'email'> | null,
  next: Pick<Contact, 'accountId' | 'id' | 'email'> | null,
  at: string
): GuardedWrite[] => {
  if (before && next && normaliseEmail(before.email) === normaliseEmail(next.email)) return [];
  return [...(before ? [release(before)] : []), ...(next ? [claim(next, at)] : [])];
};
