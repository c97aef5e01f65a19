/**
 * Message-ID marker: `MSGID#<Message-ID>` → the ticket message it names.
 * Created with the message, in the same transaction, so a Message-ID is
 * unique and an inbound reply (`In-Reply-To` / `References`) finds its
 * ticket with one GetItem, never by a guessable number in the subject.
 */
import type { GetInput, PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { attributesOf, type EntityOf, readItem, text } from './attributes.ts';
import { createPut } from './item-writes.ts';

/** What a messageIdMarker item holds, declared once: the type and the item mapping derive from it. */
export const MESSAGE_ID_MARKER_ATTRIBUTES = {
  emailMessageId: text(),
  accountId: text(),
  ticketId: text(),
  messageId: text(),
  createdAt: text(),
};

export type MessageIdMarker = EntityOf<typeof MESSAGE_ID_MARKER_ATTRIBUTES>;

/**
 * `<local@domain>` for a message id: the id's 80 random bits make it
 * unguessable, the domain (ours) makes it globally unique (RFC 5322 3.6.4).
 */
export const emailMessageIdFor = (messageId: string, domain: string) =>
  `<${messageId.toLowerCase()}@${domain.toLowerCase()}>`;

/** Mail clients may drop the angle brackets or change case; the marker key ignores both. */
export const normaliseEmailMessageId = (value: string) =>
  value
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase();

export const messageIdMarkerKeys = (emailMessageId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.messageId}${normaliseEmailMessageId(emailMessageId)}`,
  [TABLE.sortKey]: PREFIX.messageId.slice(0, -1),
});

/** create: a Message-ID names exactly one message. */
export const createMessageIdMarkerPut = (marker: MessageIdMarker): PutInput =>
  createPut({
    ...messageIdMarkerKeys(marker.emailMessageId),
    entity: 'messageIdMarker',
    ...attributesOf(MESSAGE_ID_MARKER_ATTRIBUTES, marker),
  });

/** Access pattern `messageByMessageId`: threading an inbound reply. */
export const getMessageIdMarkerCommand = (emailMessageId: string): GetInput => ({
  Key: messageIdMarkerKeys(emailMessageId),
});

export const fromMessageIdMarkerItem = (item: Record<string, unknown>): MessageIdMarker =>
  readItem('messageIdMarker', MESSAGE_ID_MARKER_ATTRIBUTES, item);
