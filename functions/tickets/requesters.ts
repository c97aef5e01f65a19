/**
 * The helpdesk's validation step: for a requester's email, every account it
 * is a contact of, with the role, permissions, login status and support
 * access it has there. One Query on `contactsByEmail`, one BatchGet of the
 * accounts for their names, which also reads the live staff check (the
 * route's `liveCheck: 'shared-read'`): nothing is answered before it passed.
 */
import type { StaffCaller, StaffCheck } from '#core/access/caller';
import { type CursorScope, openCursor, sealCursor } from '#core/db/cursor';
import { accountKeys, fromAccountItem } from '#core/entities/account';
import {
  type Contact,
  contactDisplayName,
  contactsByEmailPartition,
  contactsByEmailQuery,
  fromContactItem,
  isContactItem,
} from '#core/entities/contact';
import { AREAS, isKnownArea } from '#core/rules/permissions';
import type { TableStore } from '#core/table/store';
import type { RequesterQuery } from './schemas.ts';

const roleOf = (contact: Contact) =>
  contact.isPrimary ? 'primary' : contact.subAccount ? 'sub-account' : 'contact';

const permissionsOf = (contact: Contact) =>
  contact.isPrimary ? [...AREAS] : (contact.subAccount?.permissions ?? []).filter(isKnownArea);

const loginStatusOf = (contact: Contact) =>
  contact.isPrimary ? 'active' : (contact.subAccount?.status ?? 'none');

export const findRequester = async (
  store: TableStore,
  caller: StaffCaller,
  staffCheck: StaffCheck,
  { email, cursor, limit }: RequesterQuery
) => {
  const scope: CursorScope = {
    list: 'requesters',
    owner: caller,
    ...contactsByEmailPartition(email),
  };
  const page = await store.query(
    contactsByEmailQuery(email, { limit, startKey: openCursor(cursor, scope) })
  );
  const contacts = page.items.filter(isContactItem).map(fromContactItem);
  const accountIds = [...new Set(contacts.map((contact) => contact.accountId))];
  const accounts = new Map(
    (await staffCheck.read(accountIds.map(accountKeys)))
      .map(fromAccountItem)
      .map((account) => [account.id, account])
  );
  return {
    email,
    items: contacts.flatMap((contact) => {
      const account = accounts.get(contact.accountId);
      if (!account) return [];
      return [
        {
          accountId: account.id,
          accountName: account.name,
          accountStatus: account.status,
          contactId: contact.id,
          name: contactDisplayName(contact),
          role: roleOf(contact),
          permissions: permissionsOf(contact),
          loginStatus: loginStatusOf(contact),
          supportScope: contact.isPrimary ? 'global' : contact.supportScope,
          assignedServiceIds: contact.assignedServices.map((service) => service.id),
        },
      ];
    }),
    cursor: sealCursor(page.lastKey, scope),
  };
};
