/**
 * The mail about a ticket event, in the recipient's language (English or
 * Spanish), as text and HTML. Customer text (subject, message, names)
 * enters only as data: quoted on a line of its own in the text part,
 * escaped in the HTML part. Threading headers let mail clients group a
 * ticket's mails, and the per-ticket reply address lets inbound mail find
 * the ticket (inbound mail still checks In-Reply-To against our own
 * Message-IDs before it attaches anything).
 */
import type { TicketEvent } from '#core/entities/ticket-event';
import { escapeHtml } from '#core/mail/html';
import { quoted } from '#core/mail/security-mail';
import {
  headerText,
  htmlDocument,
  languageOf,
  type MailLanguage,
  type RenderedMail,
} from './mail-text.ts';

export type { RenderedMail } from './mail-text.ts';

export interface TicketMailInput {
  event: Pick<
    TicketEvent,
    | 'type'
    | 'ticketId'
    | 'subject'
    | 'author'
    | 'emailMessageId'
    | 'rootEmailMessageId'
    | 'inReplyTo'
  >;
  accountName: string;
  /** The message the event carries (absent on close, reopen, marked answered). */
  body?: string;
  recipient: { name: string; language: string };
  /** The stage's support address, e.g. `support@example.com`; the ticket's id is added as `+<id>`. */
  supportAddress: string;
}

const WORDING = {
  en: {
    hello: (name: string) => `Hello ${name},`,
    submitted: 'A new ticket was opened for the account',
    replied: 'The customer replied to a ticket of the account',
    answered: 'Our support team answered a ticket of the account',
    'marked-answered': 'Our support team marked a ticket as answered for the account',
    closed: 'A ticket of the account was closed',
    reopened: 'A ticket of the account was reopened',
    ticket: 'Ticket',
    from: 'From',
    message: 'Message',
    replyHint: 'Reply to this mail or use the client area to answer.',
    why: 'You receive this because you are a support contact of the account.',
  },
  es: {
    hello: (name: string) => `Hola ${name}:`,
    submitted: 'Se abrió un nuevo ticket para la cuenta',
    replied: 'El cliente respondió a un ticket de la cuenta',
    answered: 'Nuestro equipo de soporte respondió a un ticket de la cuenta',
    'marked-answered': 'Nuestro equipo de soporte marcó como respondido un ticket de la cuenta',
    closed: 'Se cerró un ticket de la cuenta',
    reopened: 'Se reabrió un ticket de la cuenta',
    ticket: 'Ticket',
    from: 'De',
    message: 'Mensaje',
    replyHint: 'Responda a este correo o use el área de clientes para contestar.',
    why: 'Recibe este correo porque es contacto de soporte de la cuenta.',
  },
} as const;

const SUBJECT_PREFIX: Record<MailLanguage, Record<TicketEvent['type'], string>> = {
  en: {
    submitted: 'New ticket',
    replied: 'Reply',
    answered: 'Answer',
    'marked-answered': 'Answered',
    closed: 'Closed',
    reopened: 'Reopened',
  },
  es: {
    submitted: 'Nuevo ticket',
    replied: 'Respuesta del cliente',
    answered: 'Respuesta',
    'marked-answered': 'Respondido',
    closed: 'Cerrado',
    reopened: 'Reabierto',
  },
};

export const ticketReplyAddress = (supportAddress: string, ticketId: string) => {
  const [local = 'support', domain = ''] = supportAddress.split('@');
  return `${local}+${ticketId}@${domain}`;
};

/** Message-IDs as mail headers carry them: `<id@host>`. */
const angle = (id: string) => (id.startsWith('<') ? id : `<${id}>`);

export const renderTicketMail = ({
  event,
  accountName,
  body,
  recipient,
  supportAddress,
}: TicketMailInput): RenderedMail => {
  const language = languageOf(recipient.language);
  const words = WORDING[language];
  const lines = [
    words.hello(quoted(recipient.name, 60)),
    '',
    `${words[event.type]}:`,
    `  ${quoted(accountName)}`,
    '',
    `${words.ticket}: ${quoted(event.subject, 200)}`,
    `${words.from}: ${quoted(event.author.name, 100)}`,
    ...(body === undefined ? [] : ['', `${words.message}:`, '', body]),
    '',
    words.replyHint,
    '',
    '--',
    words.why,
  ];
  const html = [
    `<p>${escapeHtml(words.hello(recipient.name))}</p>`,
    `<p>${escapeHtml(words[event.type])}: <strong>${escapeHtml(accountName)}</strong></p>`,
    `<p>${words.ticket}: <strong>${escapeHtml(event.subject)}</strong><br>${words.from}: ${escapeHtml(event.author.name)}</p>`,
    ...(body === undefined
      ? []
      : [`<blockquote style="white-space:pre-wrap">${escapeHtml(body)}</blockquote>`]),
    `<p>${escapeHtml(words.replyHint)}</p>`,
    `<p style="color:#666;font-size:smaller">${escapeHtml(words.why)}</p>`,
  ].join('\n');
  const references = [event.rootEmailMessageId, event.inReplyTo]
    .filter((id): id is string => id !== undefined)
    .filter((id, index, all) => all.indexOf(id) === index)
    .map(angle);
  return {
    subject: headerText(`[${SUBJECT_PREFIX[language][event.type]}] ${event.subject}`),
    text: `${lines.join('\n')}\n`,
    html: htmlDocument(language, html),
    headers: {
      ...(event.emailMessageId ? { 'Message-ID': angle(event.emailMessageId) } : {}),
      ...(event.inReplyTo ? { 'In-Reply-To': angle(event.inReplyTo) } : {}),
      ...(references.length > 0 ? { References: references.join(' ') } : {}),
      'Reply-To': ticketReplyAddress(supportAddress, event.ticketId),
      // RFC 3834: a notification; autoresponders must not answer it.
      'Auto-Submitted': 'auto-generated',
    },
  };
};
