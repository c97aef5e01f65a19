import * as z from 'zod/mini';
import {
  DEPARTMENTS,
  STAFF_SET_STATUSES,
  TICKET_STATUSES,
  type TicketStatus,
} from '#core/entities/ticket';
import { fieldRule, fieldRules } from '#core/http/field-rules';
import {
  atMost,
  emailSchema,
  opaqueIdSchema,
  pageQuerySchema,
  plainText,
  queryInteger,
  trimmedText,
  versionSchema,
  wholeNumber,
} from '#core/http/schemas';
import {
  ATTACHMENT_NAME_MAX,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  UPLOAD_TYPES,
} from '#core/rules/attachments';
import { TICKET_BODY_MAX, TICKET_SUBJECT_MAX } from '#core/rules/plain-text';

export const SUBJECT_MAX = TICKET_SUBJECT_MAX;
export const STAFF_QUEUE_PAGE_MAX = 50;
export const BODY_MAX = TICKET_BODY_MAX;

/** One line (it becomes a mail `Subject:` header: no CR/LF injection). */
const subject = trimmedText(SUBJECT_MAX);

/** Several lines: tabs and line breaks, no other control or text-direction characters. */
const body = z.string().check(
  z.maxLength(BODY_MAX, `At most ${BODY_MAX} characters.`),
  fieldRule('too_short', (text: string) => /\S/.test(text), 'Must not be empty.', {
    bounds: { minimum: 1 },
  }),
  plainText('multi-line')
);

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const uniqueUploads = fieldRules<string[]>('duplicate', (ids, report) => {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) report('Listed twice.', [index]);
    seen.add(id);
  });
});

/** Upload ids (`POST …/ticket-uploads`), each once: the files the message takes. */
const attachments = z.optional(
  z
    .array(z.string().check(atMost(36), z.regex(UPLOAD_ID, 'Use an upload id as the API gave it.')))
    .check(
      z.maxLength(MAX_ATTACHMENTS, `At most ${MAX_ATTACHMENTS} files a message.`),
      uniqueUploads
    )
);

export const createTicketSchema = z
  .strictObject({
    subject,
    body,
    department: z.optional(z.enum(DEPARTMENTS)),
    serviceId: z.optional(opaqueIdSchema),
    attachments,
  })
  .register(z.globalRegistry, { id: 'TicketCreate' });

export type TicketCreate = z.output<typeof createTicketSchema>;

export const replySchema = z
  .strictObject({ body, attachments })
  .register(z.globalRegistry, { id: 'TicketReplyInput' });

export type TicketReplyInput = z.output<typeof replySchema>;

/** The helpdesk's answer: text only (staff have no upload route). */
export const answerSchema = z
  .strictObject({ body })
  .register(z.globalRegistry, { id: 'TicketAnswerInput' });

/** A file to upload: its name as shown, one of the allowed types, its exact size in bytes. */
export const uploadDeclarationSchema = z
  .strictObject({
    filename: trimmedText(ATTACHMENT_NAME_MAX),
    contentType: z.enum(UPLOAD_TYPES, {
      error: `Use one of: ${UPLOAD_TYPES.join(', ')}.`,
    }),
    size: wholeNumber(1, MAX_ATTACHMENT_BYTES, 'a whole number of bytes'),
  })
  .register(z.globalRegistry, { id: 'TicketUploadDeclaration' });

export type UploadDeclaration = z.output<typeof uploadDeclarationSchema>;

export const ticketListQuerySchema = z
  .strictObject({ ...pageQuerySchema.shape, status: z.optional(z.enum(TICKET_STATUSES)) })
  .register(z.globalRegistry, { id: 'TicketListQuery' });

export type TicketListQuery = z.output<typeof ticketListQuerySchema>;

const STATUS_LIST = new RegExp(
  `^(${TICKET_STATUSES.join('|')})(,(${TICKET_STATUSES.join('|')}))*$`
);
const STATUS_LIST_MESSAGE = `Use one or more of ${TICKET_STATUSES.join(', ')}, separated by commas.`;

/** `open,customer-reply`: the statuses, each once. */
const statusList = z.pipe(
  z.string().check(atMost(80, STATUS_LIST_MESSAGE), z.regex(STATUS_LIST, STATUS_LIST_MESSAGE)),
  z.transform((text) => [...new Set(text.split(','))] as TicketStatus[])
);

/**
 * The helpdesk queue: `open` (new, not yet answered) unless asked
 * otherwise. At most 50 a page: the page's accounts are read with the staff
 * check in one BatchGet (100 keys at most).
 */
export const staffTicketListQuerySchema = z
  .strictObject({
    cursor: pageQuerySchema.shape.cursor,
    limit: queryInteger(1, STAFF_QUEUE_PAGE_MAX, 25),
    status: z._default(statusList, ['open']),
    order: z._default(z.enum(['newest', 'oldest']), 'newest'),
  })
  .register(z.globalRegistry, { id: 'StaffTicketListQuery' });

export type StaffTicketListQuery = z.output<typeof staffTicketListQuerySchema>;

/** What the helpdesk sets by hand: reopen, mark answered (say, answered by phone), close. */
export const ticketStatusSetSchema = z
  .strictObject({
    status: z.enum(STAFF_SET_STATUSES, {
      error: `Use one of: ${STAFF_SET_STATUSES.join(', ')}.`,
    }),
    version: z.optional(versionSchema),
  })
  .register(z.globalRegistry, { id: 'TicketStatusSet' });

export const requesterQuerySchema = z
  .strictObject({ ...pageQuerySchema.shape, email: emailSchema })
  .register(z.globalRegistry, { id: 'RequesterQuery' });

export type RequesterQuery = z.output<typeof requesterQuerySchema>;
