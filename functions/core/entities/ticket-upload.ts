/**
 * Ticket upload: a file a login declared (name, type, size) and was given a
 * presigned PUT for, staged in the mail bucket under `uploads/<a>/<id>`
 * until a ticket message of the same login on the same account takes it.
 * Its own partition, so an id names one upload whoever asks; whose it is
 * is checked on its attributes. Taken once (`usedBy`), kept a day (TTL).
 */
import type { TransactUpdate } from '../table/db.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { attributesOf, type EntityOf, integer, optional, readItem, text } from './attributes.ts';
import { createPut } from './item-writes.ts';

/** How long a declared upload may wait for its message. */
export const UPLOAD_TTL_SECONDS = 24 * 60 * 60;

export const TICKET_UPLOAD_ATTRIBUTES = {
  id: text(),
  accountId: text(),
  loginId: text(),
  filename: text(),
  contentType: text(),
  size: integer(),
  /** Where the file is staged (see `stagingKey`). */
  key: text(),
  createdAt: text(),
  /** The message that took it; absent while unused. */
  usedBy: optional(text()),
};

export type TicketUpload = EntityOf<typeof TICKET_UPLOAD_ATTRIBUTES>;

/** Where uploads wait for their message: the bucket expires what stays (lib/constructs/mail-bucket.ts). */
export const UPLOAD_PREFIX = 'uploads/';

/** `uploads/<a>/<id>`: under the account, apart from the ticket attachments. */
export const stagingKey = (accountId: string, uploadId: string) =>
  `${UPLOAD_PREFIX}${accountId}/${uploadId}`;

export const ticketUploadKeys = (uploadId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.ticketUpload}${uploadId}`,
  [TABLE.sortKey]: PREFIX.ticketUpload.slice(0, -1),
});

/** Seconds since the epoch when the upload lapses (the TTL, also checked on use). */
export const uploadExpiry = (upload: Pick<TicketUpload, 'createdAt'>) =>
  Math.floor(Date.parse(upload.createdAt) / 1000) + UPLOAD_TTL_SECONDS;

export const createTicketUploadPut = (upload: TicketUpload) =>
  createPut({
    ...ticketUploadKeys(upload.id),
    entity: 'ticketUpload',
    ...attributesOf(TICKET_UPLOAD_ATTRIBUTES, upload),
    [TABLE.ttlAttribute]: uploadExpiry(upload),
  });

export const isTicketUploadItem = (item: Record<string, unknown>) => item.entity === 'ticketUpload';

export const fromTicketUploadItem = (item: Record<string, unknown>): TicketUpload =>
  readItem('ticketUpload', TICKET_UPLOAD_ATTRIBUTES, item);

/**
 * Marks the upload taken by a message: only if it is still unused and is
 * this login's on this account, so an id is attached once, by its owner.
 */
export const useTicketUploadUpdate = (
  upload: Pick<TicketUpload, 'id' | 'accountId' | 'loginId'>,
  messageId: string
): TransactUpdate => ({
  Key: ticketUploadKeys(upload.id),
  UpdateExpression: 'SET #usedBy = :message',
  ConditionExpression:
    'attribute_exists(#pk) AND attribute_not_exists(#usedBy) AND #account = :account AND #login = :login',
  ExpressionAttributeNames: {
    '#pk': TABLE.partitionKey,
    '#usedBy': 'usedBy',
    '#account': 'accountId',
    '#login': 'loginId',
  },
  ExpressionAttributeValues: {
    ':message': messageId,
    ':account': upload.accountId,
    ':login': upload.loginId,
  },
});
