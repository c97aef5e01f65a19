/**
 * The email log of an account: what was mailed to whom, in which category,
 * and what became of it. One entry per delivery, written in the same
 * transaction as the delivery and moved with its status. Only the account's
 * own mail is in its partition. An entry for a contact also sits in gsi1
 * under `EMAILLOG#<a>#CONTACT#<c>` (access pattern `emailLogOfContact`):
 * the index copies the item, so a status move needs no second write.
 */
import { MAIL_CATEGORIES } from '../rules/mail-categories.ts';
import type { TransactUpdate } from '../table/db.ts';
import type { PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { attributesOf, type EntityOf, oneOf, optional, readItem, text } from './attributes.ts';
import { DELIVERY_STATUSES, type DeliveryStatus } from './delivery.ts';
import { createPut, patchIfExists } from './item-writes.ts';

export const EMAIL_LOG_ENTITY = 'emailLog';

/** What the log shows: its delivery's status; `bounced` and `complained` come from SES feedback. */
export const EMAIL_LOG_STATUSES = DELIVERY_STATUSES;
export type EmailLogStatus = DeliveryStatus;

export const EMAIL_LOG_ATTRIBUTES = {
  id: text(),
  accountId: text(),
  at: text(),
  to: text(),
  contactId: optional(text()),
  category: oneOf(MAIL_CATEGORIES),
  subject: text(),
  status: oneOf(EMAIL_LOG_STATUSES),
  updatedAt: text(),
  /** SES's id of the sent mail (never shown: for operators and local feedback). */
  sesMessageId: optional(text()),
};

export type EmailLogEntry = EntityOf<typeof EMAIL_LOG_ATTRIBUTES>;

export const emailLogKeys = ({
  accountId,
  at,
  id,
}: Pick<EmailLogEntry, 'accountId' | 'at' | 'id'>) => ({
  [TABLE.partitionKey]: `${PREFIX.emailLog}${accountId}`,
  [TABLE.sortKey]: `${at}#${id}`,
});

const contactLogPk = (accountId: string, contactId: string) =>
  `${PREFIX.emailLog}${accountId}${PREFIX.emailLogContact}${contactId}`;

/** gsi1 keys of an entry addressed to a contact; none for mail to an address alone. */
const emailLogOfContactKeys = (
  entry: Pick<EmailLogEntry, 'accountId' | 'at' | 'id' | 'contactId'>
) =>
  entry.contactId === undefined
    ? {}
    : {
        [TABLE.indexes.gsi1.partitionKey]: contactLogPk(entry.accountId, entry.contactId),
        [TABLE.indexes.gsi1.sortKey]: `${entry.at}#${entry.id}`,
      };

export const fromEmailLogItem = (item: Record<string, unknown>): EmailLogEntry =>
  readItem(EMAIL_LOG_ENTITY, EMAIL_LOG_ATTRIBUTES, item);

export const createEmailLogPut = (entry: EmailLogEntry): PutInput =>
  createPut({
    ...emailLogKeys(entry),
    ...emailLogOfContactKeys(entry),
    entity: EMAIL_LOG_ENTITY,
    ...attributesOf(EMAIL_LOG_ATTRIBUTES, entry),
  });

/** The entry follows its delivery's status (and SES feedback after it). */
export const emailLogStatusUpdate = (
  entry: Pick<EmailLogEntry, 'accountId' | 'at' | 'id'>,
  status: EmailLogStatus,
  updatedAt: string,
  sesMessageId?: string
): TransactUpdate => patchIfExists(emailLogKeys(entry), { status, updatedAt, sesMessageId });

export const emailLogPartition = (accountId: string) => ({
  partitionAttribute: TABLE.partitionKey,
  partitionValue: `${PREFIX.emailLog}${accountId}`,
});

/** Access pattern `emailLogOfAccount`: newest first, one page. */
export const emailLogPageQuery = (
  accountId: string,
  page: { limit: number; startKey?: Record<string, unknown> }
): QueryInput => ({
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
  ExpressionAttributeValues: { ':pk': `${PREFIX.emailLog}${accountId}` },
  ScanIndexForward: false,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

export const contactEmailLogPartition = (accountId: string, contactId: string) => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: contactLogPk(accountId, contactId),
});

/** Access pattern `emailLogOfContact` (gsi1): one contact's entries, newest first, one page. */
export const contactEmailLogPageQuery = (
  accountId: string,
  contactId: string,
  page: { limit: number; startKey?: Record<string, unknown> }
): QueryInput => ({
  IndexName: TABLE.indexes.gsi1.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes.gsi1.partitionKey },
  ExpressionAttributeValues: { ':pk': contactLogPk(accountId, contactId) },
  ScanIndexForward: false,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});
