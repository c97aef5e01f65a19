/** The Message-ID Portico issued for a ticket's first message (what its mail carries). */
import { tableStore } from '#core/table/function-store';
import { ticketsIn } from './service-cases/ticket-desk.ts';

export const getTicketForThreading = async (accountId: string, ticketId: string) =>
  (await ticketsIn(tableStore).conversation({ accountId, id: ticketId }))?.messages[0]
    ?.emailMessageId ?? '';
