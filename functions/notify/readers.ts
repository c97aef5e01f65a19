/**
 * An account's contacts as the recipient rules see them: one Query of the
 * account partition (the account item and its contacts, `accountProfile`).
 */
import { fromAccountItem, isAccountItem } from '#core/entities/account';
import {
  accountProfileQuery,
  type Contact,
  fromContactItem,
  isContactItem,
} from '#core/entities/contact';
import { queryAll, type TableStore } from '#core/table/store';
import type { MailReader } from './ticket-recipients.ts';

/** A contact as the recipient rule sees it; its login is its sub-account, if it has one. */
export const mailReaderOf = (contact: Contact): MailReader => ({
  contactId: contact.id,
  email: contact.email,
  language: contact.language,
  isPrimary: contact.isPrimary,
  emailPreferences: contact.emailPreferences,
  supportScope: contact.supportScope,
  supportServiceIds: contact.assignedServices.map((service) => service.id),
  ...(contact.loginId && contact.subAccount
    ? {
        login: { status: contact.subAccount.status, permissions: contact.subAccount.permissions },
      }
    : {}),
});

export const readAccountProfile = async (store: TableStore, accountId: string) => {
  const items = await queryAll(store, accountProfileQuery(accountId));
  const accountItem = items.find(isAccountItem);
  return {
    account: accountItem ? fromAccountItem(accountItem) : undefined,
    contacts: items.filter(isContactItem).map(fromContactItem),
  };
};
