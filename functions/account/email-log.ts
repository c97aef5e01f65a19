/**
 * The account's email log, newest first, one page per request; and one
 * contact's part of it (gsi1, `emailLogOfContact`). A contact's log is
 * read in the caller's account only, so another account's contact finds
 * nothing: an empty first page is then checked against the contact item
 * (one more read, on that answer only) so an unknown contact is a 404.
 */

import type { MemberCaller } from '#core/access/caller';
import { accountListPage } from '#core/db/query-page';
import { contactKeys } from '#core/entities/contact';
import {
  contactEmailLogPageQuery,
  contactEmailLogPartition,
  emailLogPageQuery,
  emailLogPartition,
  fromEmailLogItem,
} from '#core/entities/email-log';
import type { PageQuery } from '#core/http/schemas';
import { NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { toEmailLogView } from '#core/views/email-log';

const toView = (item: Record<string, unknown>) => toEmailLogView(fromEmailLogItem(item));

export const listEmailLog = (store: TableStore, caller: MemberCaller, page: PageQuery) =>
  accountListPage(store, caller, page, {
    list: 'emails',
    listing: emailLogPartition,
    page: emailLogPageQuery,
    toView,
  });

const contactLogPage = (
  store: TableStore,
  caller: MemberCaller,
  contactId: string,
  page: PageQuery
) =>
  accountListPage(store, caller, page, {
    list: 'contact-emails',
    listing: (accountId) => contactEmailLogPartition(accountId, contactId),
    page: (accountId, range) => contactEmailLogPageQuery(accountId, contactId, range),
    toView,
  });

export const listContactEmailLog = async (
  store: TableStore,
  caller: MemberCaller,
  contactId: string,
  page: PageQuery
) => {
  const result = await contactLogPage(store, caller, contactId, page);
  if (result.items.length > 0 || page.cursor !== undefined) return result;
  const contact = await store.get({
    Key: contactKeys({ accountId: caller.membership.accountId, contactId }),
    ProjectionExpression: 'id',
  });
  if (!contact) throw new NotFoundError(PROBLEM.notFound, 'The contact does not exist.');
  return result;
};

/** The caller's own contact's log: its membership names the contact, which exists. */
export const listOwnEmailLog = (store: TableStore, caller: MemberCaller, page: PageQuery) =>
  contactLogPage(store, caller, caller.membership.contactId, page);
