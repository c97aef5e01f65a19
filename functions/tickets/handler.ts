import { createApiHandler } from '#core/http/stack';
import type { ApiResult } from '#core/http/types';
import { tableStore } from '#core/table/function-store';
import { ticketLocation, toTicketView } from '#core/views/ticket';
import { toTicketMessageView, withMessagesView } from '#core/views/ticket-message';
import { attachmentLinks, declareUpload } from './attachments.ts';
import { listInboundRefusals } from './inbound-refusals.ts';
import { findRequester } from './requesters.ts';
import { STAFF_TICKET_ROUTES, TICKET_ROUTES } from './routes.ts';
import {
  closeTicketAsMember,
  getTicket,
  listTickets,
  openTicket,
  replyToTicket,
} from './service.ts';
import {
  answerTicket,
  getTicketForStaff,
  listQueue,
  setStatusAsStaff,
  toStaffTicketView,
} from './staff.ts';

const ticketId = (params: Record<string, string>) => params.ticketId ?? '';

/** A reply or an answer: 201 with the ticket as its reader sees it and the new message. */
const messageAdded = async (
  saved: { message: Parameters<typeof toTicketMessageView>[0]; replayed: boolean },
  location: string,
  ticketView: object
): Promise<ApiResult> => ({
  status: 201,
  headers: { location },
  body: {
    ticket: ticketView,
    message: toTicketMessageView(saved.message, await attachmentLinks([saved.message])),
  },
  replayed: saved.replayed,
});

export const handler = createApiHandler([...TICKET_ROUTES, ...STAFF_TICKET_ROUTES], {
  listTickets: async ({ caller, query }) => {
    const page = await listTickets(tableStore, caller, query);
    return { status: 200, body: { items: page.items.map(toTicketView), cursor: page.cursor } };
  },
  createTicket: async ({ caller, body, idempotencyKey }) => {
    const { ticket, messages, replayed } = await openTicket(
      tableStore,
      caller,
      body,
      idempotencyKey
    );
    return {
      status: 201,
      headers: { location: ticketLocation(ticket) },
      replayed,
      body: withMessagesView(toTicketView(ticket), messages, await attachmentLinks(messages)),
    };
  },
  createTicketUpload: async ({ caller, body }) => ({
    status: 201,
    body: await declareUpload(tableStore, caller, body),
  }),
  getTicket: async ({ caller, params }) => {
    // Signed only once the ticket is known to be the caller's to see (getTicket throws otherwise).
    const { ticket, messages } = await getTicket(tableStore, caller, ticketId(params));
    return {
      status: 200,
      body: withMessagesView(toTicketView(ticket), messages, await attachmentLinks(messages)),
    };
  },
  replyToTicket: async ({ caller, params, body, idempotencyKey }) => {
    const saved = await replyToTicket(
      tableStore,
      caller,
      ticketId(params),
      body.body,
      idempotencyKey,
      body.attachments
    );
    return messageAdded(saved, ticketLocation(saved.ticket), toTicketView(saved.ticket));
  },
  closeTicket: async ({ caller, params }) => ({
    status: 200,
    body: toTicketView(await closeTicketAsMember(tableStore, caller, ticketId(params))),
  }),
  listStaffTickets: async ({ caller, staffCheck, query }) => ({
    status: 200,
    body: await listQueue(tableStore, caller, staffCheck, query),
  }),
  getStaffTicket: async ({ staffCheck, params }) => {
    const { ticket, messages } = await getTicketForStaff(tableStore, staffCheck, ticketId(params));
    return {
      status: 200,
      body: withMessagesView(toStaffTicketView(ticket), messages, await attachmentLinks(messages)),
    };
  },
  answerTicket: async ({ caller, staffCheck, params, body, idempotencyKey }) => {
    const saved = await answerTicket(
      tableStore,
      caller,
      staffCheck,
      ticketId(params),
      body.body,
      idempotencyKey
    );
    return messageAdded(
      saved,
      `/staff/tickets/${saved.ticket.id}`,
      toStaffTicketView(saved.ticket)
    );
  },
  setStaffTicketStatus: async ({ caller, staffCheck, params, body, ifMatchVersion }) => {
    const ticket = await setStatusAsStaff(
      tableStore,
      caller,
      staffCheck,
      ticketId(params),
      body.status,
      {
        ifMatch: ifMatchVersion,
        bodyVersion: body.version,
      }
    );
    return { status: 200, body: toStaffTicketView(ticket), version: ticket.version };
  },
  findRequester: async ({ caller, staffCheck, query }) => ({
    status: 200,
    body: await findRequester(tableStore, caller, staffCheck, query),
  }),
  listInboundRefusals: async ({ caller, query }) => ({
    status: 200,
    body: await listInboundRefusals(tableStore, caller, query),
  }),
});
