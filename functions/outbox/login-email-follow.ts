/**
 * After a login's owner confirmed a new login email in one account, the
 * contacts that stand for the same login in the other accounts it has
 * joined (not those it was only invited to) follow:
 * their address is the login's, and mail sent to the old one would reach
 * whoever holds that address next. Each follows in its own transaction with
 * the usual writes (support snapshots, audit entry, actor: the login), and
 * only while it still names the login. Safe to repeat: a contact already at
 * the address is left alone.
 */
import { writeTogether } from '#core/db/transact';
import { type Contact, contactKeys, fromContactItem, normaliseEmail } from '#core/entities/contact';
import { fromLoginItem, isLoginItem } from '#core/entities/login';
import {
  fromMembershipItem,
  isMembershipItem,
  loginPartitionQuery,
} from '#core/entities/membership';
import { nowIso } from '#core/platform/clock';
import { ConflictError } from '#core/platform/errors';
import { logger } from '#core/platform/observability';
import type { TableStore } from '#core/table/store';
import { contactChangeWrites } from '#core/workflows/contact-changes';

const followed = (contact: Contact, email: string): Contact => {
  const { emailChange: _superseded, ...rest } = contact;
  return {
    ...rest,
    email,
    version: contact.version + 1,
    updatedAt: nowIso(),
  };
};

export const followLoginEmail = async (store: TableStore, loginId: string, email: string) => {
  const { items } = await store.query(loginPartitionQuery(loginId));
  const profileItem = items.find(isLoginItem);
  const actor = { loginId, name: profileItem ? fromLoginItem(profileItem).name : loginId };
  const joined = items
    .filter(isMembershipItem)
    .map(fromMembershipItem)
    // An account the person has not joined learns nothing of their new address.
    .filter((membership) => membership.status !== 'invited');
  for (const membership of joined) {
    const item = await store.get({
      Key: contactKeys({ accountId: membership.accountId, contactId: membership.contactId }),
      ConsistentRead: true,
    });
    if (!item) continue;
    const contact = fromContactItem(item);
    if (contact.loginId !== loginId) continue;
    if (normaliseEmail(contact.email) === normaliseEmail(email)) continue;
    const next = followed(contact, email);
    try {
      // A concurrent change of the contact fails this write; the task is retried.
      await writeTogether(
        contactChangeWrites(contact, next, {
          actor,
          action: 'contact.email.followed-login',
          changes: { email: { before: contact.email, after: email } },
        }),
        () => new Error(`contact ${contact.id} changed while following its login email`),
        store
      );
    } catch (error) {
      // Another contact of that account has the address already: that account keeps both
      // as they are (a retry would never succeed), and the operators see why.
      if (!(error instanceof ConflictError && error.extensions.field === 'email')) throw error;
      logger.warn('login email not followed: the address is another contact’s', {
        accountId: contact.accountId,
        contactId: contact.id,
      });
    }
  }
};
