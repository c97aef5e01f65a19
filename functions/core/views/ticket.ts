import type { Ticket } from '../entities/ticket.ts';

/** The API view (DESIGN.md "Ticket", without messages). */
export const toTicketView = (ticket: Ticket) => ({
  id: ticket.id,
  subject: ticket.subject,
  department: ticket.department,
  ...(ticket.serviceId === undefined ? {} : { serviceId: ticket.serviceId }),
  status: ticket.status,
  openedBy: ticket.openedBy,
  messageCount: ticket.messageCount,
  createdAt: ticket.createdAt,
  updatedAt: ticket.updatedAt,
});

/** Where a ticket is read: the `Location` of a new ticket or message. */
export const ticketLocation = (ticket: Pick<Ticket, 'accountId' | 'id'>) =>
  `/accounts/${ticket.accountId}/tickets/${ticket.id}`;
