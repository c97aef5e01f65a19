import * as z from 'zod/mini';
import { DEPARTMENTS, TICKET_STATUSES } from '#core/entities/ticket';
import { fieldRule } from '#core/field-errors';
import {
  emailSchema,
  opaqueIdSchema,
  pageQuerySchema,
  plainText,
  trimmedText,
} from '#core/schemas';

/** Limits also keep a whole conversation within one Lambda response (docs/tickets.md). */
export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

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

export const createTicketSchema = z
  .strictObject({
    subject,
    body,
    department: z.optional(z.enum(DEPARTMENTS)),
    serviceId: z.optional(opaqueIdSchema),
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
