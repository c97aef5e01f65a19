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
