import * as z from 'zod';
import { INBOUND_REASONS } from '#core/entities/inbound-mail';
import { DEPARTMENTS, TICKET_STATUSES } from '#core/entities/ticket';
import { areaSchema } from '#core/http/responses';
import { UPLOAD_TYPES } from '#core/rules/attachments';
import type { STAFF_TICKET_ROUTES, TICKET_ROUTES } from './routes.ts';

const ticketFields = {
  id: z.string().meta({ description: 'Opaque; later tickets have ids that sort later.' }),
  subject: z.string(),
  department: z.enum(DEPARTMENTS),
  serviceId: z.string().optional(),
  status: z.enum(TICKET_STATUSES),
  openedBy: z.object({
    contactId: z.string().optional(),
    name: z.string(),
    email: z.string(),
  }),
  messageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const ticketSchema = z.object(ticketFields).meta({ id: 'Ticket' });
const staffFields = {
  accountId: z.string(),
  version: z.number().int().meta({ description: 'Send it back as `If-Match` to set the status.' }),
};
const staffTicketSchema = z.object({ ...ticketFields, ...staffFields }).meta({ id: 'StaffTicket' });
const queueTicketSchema = z
  .object({
    ...ticketFields,
    ...staffFields,
    accountName: z
      .string()
      .nullable()
      .meta({ description: 'The account’s name as it is now (null if the account is gone).' }),
  })
  .meta({ id: 'QueueTicket' });

const attachmentSchema = z
  .object({
    name: z.string().meta({ description: 'The file’s name as it was sent.' }),
    size: z.number().int().meta({ description: 'Bytes.' }),
    contentType: z.string(),
    url: z.string().nullable().meta({
      description:
        'A presigned GET (no token; the file is saved under its name) valid until `expiresAt`; read the ticket again for a fresh one. Null where the stage keeps no files.',
    }),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'TicketAttachment' });

export const ticketMessageSchema = z
  .object({
    id: z.string(),
    author: z.object({ kind: z.enum(['contact', 'staff']), name: z.string() }),
    body: z.string(),
    attachments: z
      .array(attachmentSchema)
      .meta({ description: 'Files of the message (mail attachments or uploads); may be empty.' }),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketMessage' });

const ticketUploadSchema = z
  .object({
    id: z.string().meta({ description: 'Name it in `attachments` of a new ticket or a reply.' }),
    filename: z.string(),
    contentType: z.enum(UPLOAD_TYPES),
    size: z.number().int(),
    upload: z.object({
      method: z.literal('PUT'),
      url: z.string().meta({ description: 'Presigned: no token.' }),
      headers: z
        .object({ 'content-type': z.string() })
        .meta({ description: 'Send exactly these headers (the length is the declared size).' }),
    }),
    expiresAt: z.string().meta({ description: 'When `upload.url` stops working.' }),
  })
  .meta({ id: 'TicketUpload' });

const messages = z.array(ticketMessageSchema).meta({ description: 'Oldest first.' });

const ticketDetailSchema = z.object({ ...ticketFields, messages }).meta({ id: 'TicketDetail' });
const staffTicketDetailSchema = z
  .object({ ...ticketFields, ...staffFields, messages })
  .meta({ id: 'StaffTicketDetail' });

const page = (item: z.ZodType, id: string) =>
  z
    .object({
      items: z.array(item),
      cursor: z
        .string()
        .nullable()
        .meta({ description: 'Null on the last page; a page may hold fewer than `limit` items.' }),
    })
    .meta({ id });

const replySchema = (ticket: z.ZodType, id: string) =>
  z.object({ ticket, message: ticketMessageSchema }).meta({ id });

export const requesterSchema = z
  .object({
    email: z.string(),
    items: z.array(
      z.object({
        accountId: z.string(),
        accountName: z.string(),
        accountStatus: z.enum(['active', 'suspended', 'closed']),
        contactId: z.string(),
        name: z.string(),
        role: z.enum(['primary', 'sub-account', 'contact']).meta({
          description: '`contact`: a contact without a login (mail only).',
        }),
        permissions: z.array(areaSchema),
        loginStatus: z.enum(['active', 'suspended', 'invited', 'none']),
        supportScope: z.enum(['none', 'isolated', 'global']),
        assignedServiceIds: z.array(z.string()),
      })
    ),
    cursor: z.string().nullable(),
  })
  .meta({ id: 'Requester' });

const inboundRefusalSchema = z.object({
  sesMessageId: z.string(),
  receivedAt: z.string(),
  from: z
    .string()
    .meta({ description: 'The From address, normalised; empty when the mail had none.' }),
  subject: z.string(),
  reason: z.enum(INBOUND_REASONS),
  rawKey: z.string().meta({ description: 'Key of the raw MIME in the stage’s mail bucket.' }),
  accountId: z.string().optional(),
});

export const TICKET_RESPONSES = {
  listTickets: page(ticketSchema, 'TicketPage'),
  createTicket: ticketDetailSchema,
  createTicketUpload: ticketUploadSchema,
  getTicket: ticketDetailSchema,
  replyToTicket: replySchema(ticketSchema, 'TicketReply'),
  closeTicket: ticketSchema,
  listStaffTickets: page(queueTicketSchema, 'StaffTicketPage'),
  getStaffTicket: staffTicketDetailSchema,
  answerTicket: replySchema(staffTicketSchema, 'StaffTicketReply'),
  setStaffTicketStatus: staffTicketSchema,
  findRequester: requesterSchema,
  listInboundRefusals: z
    .object({ items: z.array(inboundRefusalSchema), cursor: z.string().nullable() })
    .meta({ id: 'InboundRefusalPage' }),
} satisfies Record<
  (typeof TICKET_ROUTES | typeof STAFF_TICKET_ROUTES)[number]['id'],
  z.ZodType | null
>;
