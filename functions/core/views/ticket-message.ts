import type { TicketMessage } from '../entities/ticket-message.ts';

/** A file's download link as the area signed it (null where the stage keeps no files). */
export interface AttachmentLinkView {
  url: string | null;
  expiresAt: string | null;
}

export type AttachmentLinks = ReadonlyMap<string, AttachmentLinkView>;

const NO_LINK: AttachmentLinkView = { url: null, expiresAt: null };

/** The API view: the author's kind and name only (no contact, login or staff ids), files with links. */
export const toTicketMessageView = (
  message: TicketMessage,
  links: AttachmentLinks = new Map()
) => ({
  id: message.id,
  author: { kind: message.author.kind, name: message.author.name },
  body: message.body,
  attachments: (message.attachments ?? []).map((file) => ({
    name: file.filename,
    size: file.size,
    contentType: file.contentType,
    ...(links.get(file.key) ?? NO_LINK),
  })),
  createdAt: message.createdAt,
});

/** A ticket view (the customer's or the helpdesk's) with its conversation. */
export const withMessagesView = <View extends object>(
  ticketView: View,
  messages: TicketMessage[],
  links: AttachmentLinks = new Map()
) => ({
  ...ticketView,
  messages: messages.map((message) => toTicketMessageView(message, links)),
});
