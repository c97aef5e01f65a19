/**
 * The unsubscribe link of a mail (RFC 8058): the token names the account,
 * the contact and the category, signed by us (core/mail/unsubscribe-token.ts).
 * GET says what the link would do and changes nothing; POST turns the
 * category off through the ordinary contact change (new image over the
 * version read, audit entry, support mirrors), so it shows in the audit
 * trail like any preference change, with the contact itself as the actor.
 *
 * A link answers nothing about anyone but its own contact: an altered token
 * is a 400 before any read, and an expired link, a removed contact and a
 * removed account are the same 410.
 */
import { writeTogether } from '#core/db/transact';
import { diffFields } from '#core/entities/audit';
import {
  type Contact,
  contactDisplayName,
  contactKeys,
  fromContactItem,
} from '#core/entities/contact';
import { maskEmail } from '#core/mail/security-mail';
import {
  type UnsubscribeClaims,
  unsubscribeKey,
  verifyUnsubscribeToken,
} from '#core/mail/unsubscribe-token';
import { now } from '#core/platform/clock';
import { readUnsubscribeConfig } from '#core/platform/config';
import { BadRequestError, ConflictError, GoneError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { PreferenceCategory } from '#core/rules/mail-categories';
import type { TableStore } from '#core/table/store';
import { contactChangeWrites } from '#core/workflows/contact-changes';

const key = unsubscribeKey(readUnsubscribeConfig().secret);

/** How the audit trail names the change's actor: the contact, through its mail's link. */
export const UNSUBSCRIBE_ACTOR_ID = 'unsubscribe-link';

/** A change that lost this many races in a row is given up (409): something keeps changing the contact. */
const ATTEMPTS = 3;

const gone = () =>
  new GoneError(
    PROBLEM.unsubscribeLinkGone,
    'This link no longer works. Change your email preferences in the client area, or use the link of a newer mail.'
  );

const claimsOf = (token: string): UnsubscribeClaims => {
  const checked = verifyUnsubscribeToken(key, token, now());
  if (checked.outcome === 'invalid')
    throw new BadRequestError(
      PROBLEM.invalidUnsubscribeLink,
      'This unsubscribe link is not valid; it may have been cut short. Copy the whole link from the mail.'
    );
  if (checked.outcome === 'gone') throw gone();
  return checked.claims;
};

const contactOf = async (store: TableStore, claims: UnsubscribeClaims): Promise<Contact> => {
  const item = await store.get({ Key: contactKeys(claims), ConsistentRead: true });
  if (!item) throw gone();
  return fromContactItem(item);
};

const linkView = (contact: Contact, category: PreferenceCategory) => ({
  category,
  address: maskEmail(contact.email),
  subscribed: contact.emailPreferences[category],
});

export type UnsubscribeLinkView = ReturnType<typeof linkView>;

/** GET: what the link would do; reads the contact, writes nothing. */
export const describeUnsubscribeLink = async (
  store: TableStore,
  token: string
): Promise<UnsubscribeLinkView> => {
  const claims = claimsOf(token);
  return linkView(await contactOf(store, claims), claims.category);
};

class LostRace extends Error {}

const turnOff = async (store: TableStore, contact: Contact, category: PreferenceCategory) => {
  const at = now().toISOString();
  const next: Contact = {
    ...contact,
    emailPreferences: { ...contact.emailPreferences, [category]: false },
    version: contact.version + 1,
    updatedAt: at,
  };
  await writeTogether(
    contactChangeWrites(contact, next, {
      actor: { kind: 'contact', loginId: UNSUBSCRIBE_ACTOR_ID, name: contactDisplayName(contact) },
      action: 'contact.unsubscribed',
      changes: diffFields(contact, next, ['emailPreferences']),
    }),
    () => new LostRace(),
    store
  );
  return next;
};

/** POST: the category off for the link's contact; already off, nothing is written. */
export const unsubscribe = async (
  store: TableStore,
  token: string
): Promise<UnsubscribeLinkView> => {
  const claims = claimsOf(token);
  for (let attempt = 1; ; attempt += 1) {
    // Read again on each attempt: a removed contact is a 410, one already off is done.
    const contact = await contactOf(store, claims);
    if (!contact.emailPreferences[claims.category]) return linkView(contact, claims.category);
    try {
      return linkView(await turnOff(store, contact, claims.category), claims.category);
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      if (attempt === ATTEMPTS)
        throw new ConflictError(
          PROBLEM.changedMeanwhile,
          'The contact changed meanwhile; try again.'
        );
    }
  }
};
