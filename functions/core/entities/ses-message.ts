/**
 * The marker of a sent mail: SES's MessageId → the delivery and its email
 * log entry. SES feedback (bounces, complaints) names only that id, so the
 * mailer writes this marker in the same transaction that records `sent`:
 * a marker exists exactly when its delivery was recorded sent, and one
 * consistent GetItem finds it (an index on the delivery would be read
 * eventually consistent, and SES's simulator answers within a second).
 */
import type { TransactUpdate } from '../table/db.ts';
import type { GetInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { type EntityOf, readItem, text } from './attributes.ts';

export const SES_MESSAGE_ENTITY = 'sesMessage';

export const SES_MESSAGE_ATTRIBUTES = {
  sesMessageId: text(),
  sourceId: text(),
  address: text(),
  accountId: text(),
  logAt: text(),
  logId: text(),
  sentAt: text(),
};

export type SesMessage = EntityOf<typeof SES_MESSAGE_ATTRIBUTES>;

export const sesMessageKeys = (sesMessageId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.sesMessage}${sesMessageId}`,
  [TABLE.sortKey]: PREFIX.sesMessageItem,
});

/**
 * upsert, as an update: the mailer may only update items (its grant), and
 * SES never gives two mails one id, so writing it again only repeats it.
 */
export const recordSesMessageUpdate = (marker: SesMessage): TransactUpdate => {
  const fields = Object.entries({ entity: SES_MESSAGE_ENTITY, ...marker });
  return {
    Key: sesMessageKeys(marker.sesMessageId),
    UpdateExpression: `SET ${fields.map(([name]) => `#${name} = :${name}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(fields.map(([name]) => [`#${name}`, name])),
    ExpressionAttributeValues: Object.fromEntries(
      fields.map(([name, value]) => [`:${name}`, value])
    ),
  };
};

export const getSesMessageInput = (sesMessageId: string): GetInput => ({
  Key: sesMessageKeys(sesMessageId),
  ConsistentRead: true,
});

export const fromSesMessageItem = (item: Record<string, unknown>): SesMessage =>
  readItem(SES_MESSAGE_ENTITY, SES_MESSAGE_ATTRIBUTES, item);
