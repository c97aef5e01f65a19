/**
 * One received mail, from SES's receipt to a ticket, a reply, a refusal or
 * a silent drop, on any table store. The order matters: nothing is
 * answered before the verdicts and the loop guard passed (no backscatter,
 * no loops), and the raw message is read only for mail that may become a
 * ticket; for such mail, reading it runs beside the duplicate check. Tickets are opened and answered by the same workflow the API
 * uses (core/workflows/ticket-conversation.ts), so ticket mail follows.
 */
import { maySee } from '#core/access/ticket-reach';
import {
  type Contact,
  contactDisplayName,
  contactsByEmailQuery,
  fromContactItem,
  isContactItem,
} from '#core/entities/contact';
import { getInboundMailCommand } from '#core/entities/inbound-mail';
import {
  fromMessageIdMarkerItem,
  messageIdMarkerKeys,
  normaliseEmailMessageId,
} from '#core/entities/message-id';
import {
  DEFAULT_DEPARTMENT,
  fromTicketItem,
  isTicketItem,
  ticketKeys,
} from '#core/entities/ticket';
import type { BucketFiles } from '#core/platform/clients/bucket-files';
import { ObjectTooLargeError } from '#core/platform/clients/bucket-files';
import { ConflictError, UnprocessableContentError } from '#core/platform/errors';
import { isSortableId } from '#core/platform/ids';
import type { TableStore } from '#core/table/store';
import { addMessage, staleTicket, submitTicket } from '#core/workflows/ticket-conversation';
import { accountSupportAddress, serviceTagOf, supportTagOf } from './addresses.ts';
import type { ReceivedMail } from './event.ts';
import { loopReason } from './loop-guard.ts';
import { MAX_RAW_BYTES, type MailFile, type ParsedMail, parseMail } from './parse.ts';
import { drop, type RecordOutcome, recordOf, recordWrite, refuse, writeOnce } from './refusals.ts';
import { chooseContact, viewerOf } from './sender.ts';
import { judgeVerdicts } from './verdicts.ts';

export interface InboundDeps {
  store: TableStore;
  files: Pick<BucketFiles, 'getObject' | 'putObject'>;
  /** The stage's support address (plus-tagged per account). */
  supportAddress: string;
  /** Domains whose senders are Portico itself. */
  ownDomains: readonly string[];
  now: () => Date;
}

export interface InboundResult extends RecordOutcome {
  ticketId?: string;
}

/** The contacts an address is, in every account (one Query; a person is rarely a contact of 25). */
const contactsOf = async (store: TableStore, address: string): Promise<Contact[]> => {
  const page = await store.query(contactsByEmailQuery(address, { limit: 100 }));
  return page.items.filter(isContactItem).map(fromContactItem);
};

/** The first Message-ID this mail answers that Portico issued: its ticket. */
const threadOf = async (store: TableStore, answers: string[]) => {
  const wanted = [...new Set(answers.map(normaliseEmailMessageId))].filter((id) => id !== '');
  if (wanted.length === 0) return undefined;
  const items = await store.getMany(wanted.map(messageIdMarkerKeys));
  const markers = new Map(
    items
      .map(fromMessageIdMarkerItem)
      .map((marker) => [normaliseEmailMessageId(marker.emailMessageId), marker])
  );
  return wanted.map((id) => markers.get(id)).find((marker) => marker !== undefined);
};

const storeFiles = async (
  deps: InboundDeps,
  keys: { key: string }[] | undefined,
  files: MailFile[]
) => {
  await Promise.all(
    (keys ?? []).map((stored, index) => {
      const file = files[index];
      return file ? deps.files.putObject(stored.key, file.content, file.contentType) : undefined;
    })
  );
};

const authorOf = (contact: Contact) => ({
  kind: 'contact' as const,
  contactId: contact.id,
  name: contactDisplayName(contact),
  email: contact.email,
});

const accountTagOf = (mail: ReceivedMail, supportAddress: string) => {
  for (const recipient of mail.recipients) {
    const tagged = supportTagOf(recipient, supportAddress);
    // Ticket mail answers to `support+<ticketId>@`: a ticket id is no account tag, and never threads.
    if (tagged?.tag && !isSortableId(tagged.tag.toUpperCase())) return tagged.tag;
  }
  return undefined;
};

const route = async (
  deps: InboundDeps,
  mail: ReceivedMail,
  parsed: ParsedMail,
  contactsAhead: Promise<Contact[]>
): Promise<InboundResult> => {
  const { store } = deps;
  const now = deps.now();
  const replyTo = parsed.from;
  const [thread, contacts] = await Promise.all([threadOf(store, parsed.answers), contactsAhead]);
  const choice = chooseContact(
    contacts,
    thread?.accountId ?? accountTagOf(mail, deps.supportAddress)
  );
  if ('refused' in choice) {
    // A thread of another account reveals nothing: it is refused as a thread, not as an account.
    const reason =
      thread && choice.refused === 'not-registered' ? 'thread-not-allowed' : choice.refused;
    return refuse(
      store,
      mail,
      {
        reason,
        replyTo,
        accountAddresses: (choice.accountIds ?? []).map((id) =>
          accountSupportAddress(deps.supportAddress, id)
        ),
      },
      now
    );
  }
  const { contact } = choice;
  const viewer = viewerOf(contact);
  const refusal = (reason: Parameters<typeof refuse>[2]['reason']) =>
    refuse(store, mail, { reason, replyTo, accountId: contact.accountId }, now);

  if (thread) {
    const item = await store.get({ Key: ticketKeys(thread), ConsistentRead: true });
    const ticket = item && isTicketItem(item) ? fromTicketItem(item) : undefined;
    if (!ticket || !maySee(viewer, ticket)) return refusal('thread-not-allowed');
    let change: ReturnType<typeof addMessage>;
    try {
      change = addMessage(ticket, 'replied', authorOf(contact), parsed.body, now, parsed.files);
    } catch (error) {
      if (error instanceof ConflictError) return refusal('ticket-full');
      throw error;
    }
    await storeFiles(deps, change.message.attachments, parsed.files);
    const record = recordOf(mail, 'replied', {
      accountId: ticket.accountId,
      ticketId: ticket.id,
      messageId: change.message.id,
    });
    const written = await writeOnce(store, [recordWrite(record), ...change.writes], staleTicket);
    return { outcome: 'replied', duplicate: !written, ticketId: ticket.id };
  }

  const { serviceId, subject } = serviceTagOf(parsed.subject);
  if (serviceId !== undefined && !maySee(viewer, { openedBy: {}, serviceId })) {
    return refusal('service-not-allowed');
  }
  const change = submitTicket(
    {
      accountId: contact.accountId,
      subject: subject || '(no subject)',
      department: DEFAULT_DEPARTMENT,
      ...(serviceId ? { serviceId } : {}),
      body: parsed.body,
      files: parsed.files,
    },
    authorOf(contact),
    now
  );
  const record = recordOf(mail, 'opened', {
    accountId: contact.accountId,
    ticketId: change.ticket.id,
    messageId: change.message.id,
  });
  try {
    await storeFiles(deps, change.message.attachments, parsed.files);
    const written = await writeOnce(store, [recordWrite(record), ...change.writes], staleTicket);
    return { outcome: 'opened', duplicate: !written, ticketId: change.ticket.id };
  } catch (error) {
    if (error instanceof UnprocessableContentError) return refusal('unknown-service');
    throw error;
  }
};

/** The raw mail read and parsed, or why it cannot be (a missing object is a fault to retry). */
const readAndParse = async (deps: InboundDeps, mail: ReceivedMail) => {
  let raw: Buffer | undefined;
  try {
    raw = await deps.files.getObject(mail.rawKey, MAX_RAW_BYTES);
  } catch (error) {
    if (error instanceof ObjectTooLargeError)
      return { ok: false as const, reason: 'too-large' as const };
    throw error;
  }
  // SES stores the object before it invokes us: a missing one is a fault to retry, not a refusal.
  if (!raw) throw new Error(`raw mail ${mail.rawKey} is missing`);
  const parsed = await parseMail(raw).catch(() => undefined);
  return parsed ?? { ok: false as const, reason: 'unreadable' as const };
};

/** Started early and maybe never awaited: its failure surfaces where it is awaited, or nowhere. */
const ahead = <T>(work: Promise<T>): Promise<T> => {
  work.catch(() => undefined);
  return work;
};

export const processInbound = async (
  deps: InboundDeps,
  mail: ReceivedMail
): Promise<InboundResult> => {
  const { store } = deps;
  const knownAhead = store.get(getInboundMailCommand(mail.sesMessageId));
  const verdict = judgeVerdicts(mail.verdicts);
  const loop = verdict.accepted ? loopReason({ ...mail, ownDomains: deps.ownDomains }) : undefined;
  // Mail that may become a ticket is read, parsed and its sender's contacts looked up while
  // the duplicate check runs (SES's From, which must be the parsed From, checked below).
  const mayOpen = verdict.accepted && !loop;
  const parsedAhead = mayOpen ? ahead(readAndParse(deps, mail)) : undefined;
  const contactsAhead = mayOpen ? ahead(contactsOf(store, mail.from)) : undefined;

  const known = await knownAhead;
  if (known) return { outcome: known.outcome as RecordOutcome['outcome'], duplicate: true };
  const now = deps.now();
  if (!verdict.accepted) {
    // Spam is never answered; a forged From is answered only at an envelope sender SPF vouched for.
    const replyTo =
      verdict.reason === 'authentication-failed' && verdict.spfPassed
        ? mail.envelopeSender
        : undefined;
    return refuse(store, mail, { reason: verdict.reason, replyTo }, now);
  }
  if (loop || !parsedAhead || !contactsAhead) return drop(store, mail);

  const parsed = await parsedAhead;
  if (!parsed.ok) return refuse(store, mail, { reason: parsed.reason, replyTo: mail.from }, now);
  // DMARC vouched for the From header SES read; the parsed one must be the same address.
  if (parsed.mail.from !== mail.from) {
    return refuse(store, mail, { reason: 'authentication-failed' }, now);
  }
  return route(deps, mail, parsed.mail, contactsAhead);
};
