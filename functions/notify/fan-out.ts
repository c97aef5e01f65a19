/**
 * Ticket mail fan-out: one ticket event becomes one delivery per recipient
 * (docs/notifications.md). Reads: the account partition (account and
 * contacts, one Query), then one BatchGet of the event's message, the
 * suppression items and earlier deliveries of the recipients' addresses
 * (deliveries.ts). Writes: per recipient one
 * transaction of the delivery and its email log entry. The delivery is
 * created only if absent, so a replayed event writes nothing again.
 */

import { contactDisplayName } from '#core/entities/contact';
import {
  fromTicketEventItem,
  isTicketEventItem,
  type TicketEvent,
} from '#core/entities/ticket-event';
import { fromTicketMessageItem, ticketMessageKeys } from '#core/entities/ticket-message';
import { readSupportMailConfig } from '#core/platform/config';
import type { TableStore } from '#core/table/store';
import { readMailState, writeDeliveries } from './deliveries.ts';
import { mailReaderOf, readAccountProfile } from './readers.ts';
import { renderTicketMail } from './ticket-mail.ts';
import { ticketMailRecipients } from './ticket-recipients.ts';

const { address: supportAddress } = readSupportMailConfig();

/** The event a stream image holds, or undefined when it is not a ticket event. */
export const ticketEventOf = (item: Record<string, unknown>): TicketEvent | undefined =>
  isTicketEventItem(item) ? fromTicketEventItem(item) : undefined;

/** The event's message: written with the event, at the same time, so its key is known. */
const messageKeyOf = (event: TicketEvent) =>
  event.messageId
    ? ticketMessageKeys({
        accountId: event.accountId,
        ticketId: event.ticketId,
        createdAt: event.at,
        id: event.messageId,
      })
    : undefined;

export const ticketEventSource = (eventId: string) => `TICKETEVENT#${eventId}`;

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
  // The primary gets every ticket mail whatever it sets: a link that changed nothing would mislead.
  const recipients = ticketMailRecipients(event, contacts.map(mailReaderOf)).map((recipient) => ({
    ...recipient,
    alwaysMailed: recipient.reason === 'primary',
  }));
  const source = {
    sourceId: ticketEventSource(event.id),
    accountId: event.accountId,
    category: 'support' as const,
  };
  const messageKey = messageKeyOf(event);
  const state = await readMailState(
    store,
    source.sourceId,
    recipients.map((recipient) => recipient.email),
    messageKey ? [messageKey] : []
  );
  const messageItem = state.extra.find((item) => item.entity === 'ticketMessage');
  const body = messageItem ? fromTicketMessageItem(messageItem).body : undefined;
  const names = new Map(contacts.map((contact) => [contact.id, contactDisplayName(contact)]));
  const result = await writeDeliveries(store, source, recipients, state, (recipient) =>
    renderTicketMail({
      event,
      accountName: account.name,
      ...(body === undefined ? {} : { body }),
      recipient: {
        name: names.get(recipient.contactId) ?? recipient.email,
        language: recipient.language,
      },
      supportAddress,
    })
  );
  return { recipients: result.recipients, written: result.written, suppressed: result.suppressed };
};
