import * as z from 'zod/mini';
import { DEPARTMENTS, TICKET_STATUSES } from '#core/entities/ticket';
import { emailSchema, pageQuerySchema } from '#core/schemas';

/** Limits also keep a whole conversation within one Lambda response (docs/tickets.md). */
export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

const LINE_CONTROLS = new Set(['\t', '\n', '\r']);

/**
 * Control characters never belong in a subject (it becomes a mail header:
 * no CR/LF injection) and, apart from tab and line breaks, not in a body.
 */
const hasControls = (text: string, allowLines: boolean) => {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 || code === 0x7f) && !(allowLines && LINE_CONTROLS.has(char))) return true;
  }
  return false;
};

const subject = z.string().check(
  z.trim(),
  z.minLength(1, 'Must not be empty.'),
  z.maxLength(SUBJECT_MAX, `At most ${SUBJECT_MAX} characters.`),
  z.refine((text) => !hasControls(text, false), 'Use one line of text, without control characters.')
);

const body = z.string().check(
  z.maxLength(BODY_MAX, `At most ${BODY_MAX} characters.`),
  z.regex(/\S/, 'Must not be empty.'),
  z.refine(
    (text) => !hasControls(text, true),
    'Use plain text: no control characters besides line breaks and tabs.'
  )
);

const id = z.string().check(z.minLength(1), z.maxLength(100));

export const createTicketSchema = z
  .strictObject({
    subject,
    body,
    department: z.optional(z.enum(DEPARTMENTS)),
    serviceId: z.optional(id),
  })
  .register(z.globalRegistry, { id: 'TicketCreate' });

export type TicketCreate = z.output<typeof createTicketSchema>;

export const replySchema = z
  .strictObject({ body })
  .register(z.globalRegistry, { id: 'TicketReplyInput' });

export const ticketListQuerySchema = z
  .strictObject({ ...pageQuerySchema.shape, status: z.optional(z.enum(TICKET_STATUSES)) })
  .register(z.globalRegistry, { id: 'TicketListQuery' });

export type TicketListQuery = z.output<typeof ticketListQuerySchema>;

/** The helpdesk queue: `open` (new, not yet answered) unless asked otherwise. */
export const staffTicketListQuerySchema = z
  .strictObject({ ...pageQuerySchema.shape, status: z._default(z.enum(TICKET_STATUSES), 'open') })
  .register(z.globalRegistry, { id: 'StaffTicketListQuery' });

export type StaffTicketListQuery = z.output<typeof staffTicketListQuerySchema>;

export const requesterQuerySchema = z
  .strictObject({ ...pageQuerySchema.shape, email: emailSchema })
  .register(z.globalRegistry, { id: 'RequesterQuery' });

export type RequesterQuery = z.output<typeof requesterQuerySchema>;
