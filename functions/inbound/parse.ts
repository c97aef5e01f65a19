/**
 * The raw MIME of one mail, parsed (postal-mime: charsets through the
 * runtime's TextDecoder, quoted-printable, multipart; HTML-only mail turned
 * into text) into what a ticket stores: the sender, a one-line subject, the
 * new text of the body without the quoted history, the Message-IDs it
 * answers, and its files. Large file bodies skip the parser
 * (mime-bodies.ts; docs/adr/0008-inbound-mime-parsing.md). Limits are
 * checked here, so nothing oversized is ever stored.
 */
import PostalMime, { type Attachment } from 'postal-mime';
import type { AttachmentFile } from '#core/entities/ticket-message';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '#core/rules/attachments';
import { TICKET_BODY_MAX, TICKET_SUBJECT_MAX, withoutForbidden } from '#core/rules/plain-text';
import { textOfHtml } from './html-text.ts';
import { type LiftedMail, liftBodies } from './mime-bodies.ts';
import { trimQuotedHistory } from './quotes.ts';

/** The largest mail accepted (SES itself takes up to 40 MB through an S3 action). */
export const MAX_RAW_BYTES = 10 * 1024 * 1024;
/** Shared with uploads through the API (core/rules/attachments.ts). */
export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS };

export interface MailFile extends AttachmentFile {
  content: Buffer;
}

export interface ParsedMail {
  from: string;
  subject: string;
  body: string;
  /** In-Reply-To first, then References newest first: the Message-IDs this mail answers. */
  answers: string[];
  files: MailFile[];
}

export type ParseOutcome =
  | { ok: true; mail: ParsedMail }
  | { ok: false; reason: 'too-many-attachments' | 'too-large' | 'empty' };

/** At most this many referenced Message-IDs are looked up (a long thread's newest ones). */
const MAX_REFERENCES = 20;

/** The `<id>`s of an In-Reply-To or References header (bare words when it has none). */
const idsIn = (value: string | undefined) => {
  if (value === undefined) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  return bracketed ?? value.split(/\s+/);
};

const oneLine = (text: string, max: number) =>
  withoutForbidden(text, 'single-line').replace(/\s+/g, ' ').trim().slice(0, max);

const CUT_NOTE = '\n\n[The rest of this message was cut: a ticket message holds at most';

const bodyOf = (text: string) => {
  const kept = withoutForbidden(trimQuotedHistory(text), 'multi-line').replace(/\r\n?/g, '\n');
  if (kept.length <= TICKET_BODY_MAX) return kept;
  const note = `${CUT_NOTE} ${TICKET_BODY_MAX} characters.]`;
  return `${kept.slice(0, TICKET_BODY_MAX - note.length)}${note}`;
};

const contentOf = (file: Attachment, lifted: LiftedMail): Buffer => {
  const { content } = file;
  const bytes =
    typeof content === 'string'
      ? Buffer.from(content, file.encoding === 'base64' ? 'base64' : 'utf8')
      : content instanceof ArrayBuffer
        ? Buffer.from(content)
        : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return lifted.contentOf(bytes) ?? bytes;
};

/** Files the sender attached; images embedded in the HTML (signatures, logos) are left out. */
const filesOf = (attachments: Attachment[], lifted: LiftedMail): MailFile[] =>
  attachments
    .filter((file) => !file.related)
    .map((file) => {
      const content = contentOf(file, lifted);
      return {
        filename: oneLine(file.filename ?? 'attachment', 200) || 'attachment',
        contentType: oneLine(file.mimeType || 'application/octet-stream', 100),
        size: content.length,
        content,
      };
    });

export const parseMail = async (raw: Buffer): Promise<ParseOutcome> => {
  const lifted = liftBodies(raw);
  const parsed = await PostalMime.parse(lifted.slim);
  const files = filesOf(parsed.attachments, lifted);
  if (files.length > MAX_ATTACHMENTS) return { ok: false, reason: 'too-many-attachments' };
  if (files.some((file) => file.size > MAX_ATTACHMENT_BYTES))
    return { ok: false, reason: 'too-large' };
  const body = bodyOf(parsed.text ?? (parsed.html ? await textOfHtml(parsed.html) : ''));
  if (!/\S/.test(body) && files.length === 0) return { ok: false, reason: 'empty' };
  const answers = [...idsIn(parsed.inReplyTo), ...idsIn(parsed.references).reverse()].filter(
    (id) => id.length > 0 && id.length <= 250
  );
  return {
    ok: true,
    mail: {
      from: (parsed.from?.address ?? parsed.from?.group?.[0]?.address ?? '').trim().toLowerCase(),
      subject: oneLine(parsed.subject ?? '', TICKET_SUBJECT_MAX) || '(no subject)',
      body: /\S/.test(body) ? body : '(attachments only)',
      answers: [...new Set(answers)].slice(0, MAX_REFERENCES),
      files,
    },
  };
};
