/**
 * The matching half of "request an account", run by the outbox worker off
 * the request path (docs/adr/0009-account-requests-off-the-request-path.md):
 * the contract's account is looked up, and the contact with that email and
 * no login yet is invited. The requester has already had the same answer
 * whatever happens here.
 */
import { outboxWrites, writeTogether } from '../db/transact.ts';
import { contactDisplayName, normaliseEmail } from '../entities/contact.ts';
import { contractMarkerKeys } from '../entities/contract.ts';
import type { AccountRequestTask } from '../entities/outbox.ts';
import { quoted } from '../mail/security-mail.ts';
import { nowIso } from '../platform/clock.ts';
import { DomainError } from '../platform/errors.ts';
import { logger } from '../platform/observability.ts';
import type { TableStore } from '../table/store.ts';
import { contactIn, loadProfile } from './account-profile.ts';
import { activate } from './login-activation.ts';

const accountOfContract = async (
  store: TableStore,
  contractNumber: string
): Promise<string | undefined> => {
  const item = await store.get({
    Key: contractMarkerKeys(contractNumber),
    ConsistentRead: true,
  });
  return typeof item?.accountId === 'string' ? item.accountId : undefined;
};

/** Invites the matching contact, if there is one; says nothing either way. */
const inviteIfMatching = async (store: TableStore, contractNumber: string, email: string) => {
  const accountId = await accountOfContract(store, contractNumber);
  if (!accountId) return;
  const profile = await loadProfile(accountId, store);
  const contact = profile.contacts.find((candidate) => normaliseEmail(candidate.email) === email);
  if (!contact || contact.loginId) return;
  const primary = contactIn(profile, profile.account.primaryContactId);
  // No areas: the login can sign in and see the account; the holder decides what it may open.
  // The holder itself (an account the operators loaded) gets the primary login instead.
  await activate(
    store,
    { loginId: 'account-request', name: contactDisplayName(contact) },
    profile,
    contact,
    [],
    { invite: true }
  );
  // The holder asking for their own login needs no notice beyond the invitation.
  if (contact.isPrimary) return;
  await writeTogether(
    outboxWrites(accountId, nowIso(), [
      {
        kind: 'mail',
        to: primary.email,
        subject: 'A contact asked for a login',
        // The contact's name is data the account typed: quoted, on its own line.
        text:
          'Hello,\n\nThis contact of your client area asked for a login and was sent an invitation ' +
          'that opens no area yet:\n\n' +
          `  Contact: ${quoted(contactDisplayName(contact))}\n  Email: ${contact.email}\n\n` +
          'Grant the areas they need under Contacts, or withdraw the login there.\n',
      },
    ]),
    () => new Error('outbox write failed'),
    store
  );
};

/**
 * Safe to repeat: a contact invited by an earlier attempt has a login and is
 * skipped. A refusal (the person is already a member, the invitation limit)
 * is final and only logged; anything else throws, so the worker retries.
 */
export const answerAccountRequest = async (store: TableStore, task: AccountRequestTask) => {
  try {
    await inviteIfMatching(store, task.contractNumber, normaliseEmail(task.email));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logger.warn('account request refused', { problem: error.type });
  }
};
