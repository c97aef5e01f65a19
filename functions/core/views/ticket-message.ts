import type { TicketMessage } from '../entities/ticket-message.ts';

/** The API view: the author's kind and name only (no contact, login or staff ids). */
export const toTicketMessageView = (message: TicketMessage) => ({
  id: message.id,
  author: { kind: message.author.kind, name: message.author.name },
  body: message.body,
  createdAt: message.createdAt,
});

/** A ticket view (the customer's or the helpdesk's) with its conversation. */
export const withMessagesView = <View extends object>(
  ticketView: View,
  messages: TicketMessage[]
) => ({
  ...ticketView,
  messages: messages.map(toTicketMessageView),
});
