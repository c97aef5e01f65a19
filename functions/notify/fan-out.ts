/**
 * Ticket mail fan-out: one ticket event becomes one delivery per recipient
 * (docs/notifications.md). Reads: the account partition (account and
 * contacts, one Query), then one BatchGet of the event's message and the
 * suppression items of the recipients' addresses. Writes: per recipient one
 * transaction of the delivery and its email log entry. The delivery is
 * created only if absent, so a replayed event writes nothing again.
 */

import { type Account, fromAccountItem, isAccountItem } from '#core/entities/account';
import {
  accountProfileQuery,
  type Contact,
  contactDisplayName,
  fromContactItem,
  isContactItem,
  normaliseEmail,
} from '#core/entities/contact';
import { createDeliveryPut, type Delivery } from '#core/entities/delivery';
import { createEmailLogPut, type EmailLogEntry } from '#core/entities/email-log';
import { suppressedAddresses, suppressionKeys } from '#core/entities/suppression';
import {
  fromTicketEventItem,
  isTicketEventItem,
  type TicketEvent,
} from '#core/entities/ticket-event';
import { fromTicketMessageItem, ticketMessageKeys } from '#core/entities/ticket-message';
import { unsubscribeHeaders } from '#core/mail/unsubscribe-headers';
import { nowIso } from '#core/platform/clock';
import { readSupportMailConfig } from '#core/platform/config';
import { sortableId } from '#core/platform/ids';
import { cancellations } from '#core/table/db';
import { type ItemKey, queryAll, type StoredItem, type TableStore } from '#core/table/store';
import { renderTicketMail } from './ticket-mail.ts';
import { type MailReader, type MailRecipient, ticketMailRecipients } from './ticket-recipients.ts';

const { address: supportAddress } = readSupportMailConfig();

/** DynamoDB's BatchGetItem takes at most 100 keys. */
const BATCH_GET_LIMIT = 100;

/** The event a stream image holds, or undefined when it is not a ticket event. */
export const ticketEventOf = (item: Record<string, unknown>): TicketEvent | undefined =>
  isTicketEventItem(item) ? fromTicketEventItem(item) : undefined;

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

const readAccountProfile = async (store: TableStore, accountId: string) => {
  const items = await queryAll(store, accountProfileQuery(accountId));
  const accountItem = items.find(isAccountItem);
  return {
    account: accountItem ? fromAccountItem(accountItem) : undefined,
    contacts: items.filter(isContactItem).map(fromContactItem),
  };
};

const getAll = async (store: TableStore, keys: ItemKey[]): Promise<StoredItem[]> => {
  const chunks: ItemKey[][] = [];
  for (let at = 0; at < keys.length; at += BATCH_GET_LIMIT)
    chunks.push(keys.slice(at, at + BATCH_GET_LIMIT));
  return (await Promise.all(chunks.map((chunk) => store.getMany(chunk)))).flat();
};

/** The event's message (written with the event, at the same time) and the suppressed addresses. */
const readMessageAndSuppressions = async (
  store: TableStore,
  event: TicketEvent,
  addresses: string[]
) => {
  const messageKey = event.messageId
    ? ticketMessageKeys({
        accountId: event.accountId,
        ticketId: event.ticketId,
        createdAt: event.at,
        id: event.messageId,
      })
    : undefined;
  const items = await getAll(store, [
    ...(messageKey ? [messageKey] : []),
    ...addresses.map(suppressionKeys),
  ]);
  const messageItem = items.find((item) => item.entity === 'ticketMessage');
  return {
    body: messageItem ? fromTicketMessageItem(messageItem).body : undefined,
    suppressed: suppressedAddresses(items),
  };
};

export const ticketEventSource = (eventId: string) => `TICKETEVENT#${eventId}`;

/** The delivery and its log entry for one recipient; a suppressed address is logged, not queued. */
const deliveryOf = (
  event: TicketEvent,
  account: Pick<Account, 'name'>,
  reader: { recipient: MailRecipient; name: string; body: string | undefined; suppressed: boolean }
): { delivery: Delivery; entry: EmailLogEntry } => {
  const { recipient, suppressed } = reader;
  const mail = renderTicketMail({
    event,
    accountName: account.name,
    ...(reader.body === undefined ? {} : { body: reader.body }),
    recipient: { name: reader.name, language: recipient.language },
    supportAddress,
  });
  const at = nowIso();
  const status = suppressed ? 'suppressed' : 'queued';
  const entry: EmailLogEntry = {
    id: sortableId(),
    accountId: event.accountId,
    at,
    to: recipient.email,
    contactId: recipient.contactId,
    category: 'support',
    subject: mail.subject,
    status,
    updatedAt: at,
  };
  const delivery: Delivery = {
    sourceId: ticketEventSource(event.id),
    accountId: event.accountId,
    address: recipient.email,
    contactId: recipient.contactId,
    category: 'support',
    language: recipient.language,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // The primary gets every ticket mail whatever it sets: a link that changed nothing would mislead.
    headers:
      recipient.reason === 'primary'
        ? mail.headers
        : {
            ...mail.headers,
            ...unsubscribeHeaders({
              accountId: event.accountId,
              contactId: recipient.contactId,
              category: 'support',
            }),
          },
    status,
    logAt: entry.at,
    logId: entry.id,
    createdAt: at,
    updatedAt: at,
    ...(suppressed ? { reason: 'The address is suppressed (bounce or complaint).' } : {}),
  };
  return { delivery, entry };
};

/** True when written, false when the delivery already existed (a replay). */
const writeOnce = async (store: TableStore, { delivery, entry }: ReturnType<typeof deliveryOf>) => {
  try {
    await store.transact([{ Put: createDeliveryPut(delivery) }, { Put: createEmailLogPut(entry) }]);
    return true;
  } catch (error) {
    if (cancellations(error)?.[0]?.code === 'ConditionalCheckFailed') return false;
    throw error;
  }
};

export interface FanOutResult {
  recipients: number;
  written: number;
  suppressed: number;
}

/** Turns one ticket event into its deliveries; safe to run again for the same event. */
export const fanOutTicketEvent = async (
  store: TableStore,
  event: TicketEvent
): Promise<FanOutResult> => {
  const { account, contacts } = await readAccountProfile(store, event.accountId);
  if (!account) return { recipients: 0, written: 0, suppressed: 0 };
  const recipients = ticketMailRecipients(event, contacts.map(mailReaderOf));
  const { body, suppressed } = await readMessageAndSuppressions(
    store,
    event,
    recipients.map((recipient) => recipient.email)
  );
  const names = new Map(contacts.map((contact) => [contact.id, contactDisplayName(contact)]));
  const deliveries = recipients.map((recipient) =>
    deliveryOf(event, account, {
      recipient,
      name: names.get(recipient.contactId) ?? recipient.email,
      body,
      suppressed: suppressed.has(normaliseEmail(recipient.email)),
    })
  );
  const written = await Promise.all(deliveries.map((pair) => writeOnce(store, pair)));
  return {
    recipients: recipients.length,
    written: written.filter(Boolean).length,
    suppressed: deliveries.filter(({ delivery }) => delivery.status === 'suppressed').length,
  };
};
