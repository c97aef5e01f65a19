/**
 * Who may see which ticket, decided from the membership alone (its support
 * scope and assigned services are kept current with the contact):
 *
 * - the primary login and `global` support contacts: every ticket;
 * - `isolated`: tickets about the services assigned to it, and its own;
 * - `none`: only the tickets it opened.
 *
 * The tickets API answers a ticket outside this reach like a missing one,
 * and ticket mail reaches nobody but the primary outside it.
 */
import type { Membership } from '../entities/membership.ts';

export type TicketViewer = Pick<
  Membership,
  'role' | 'contactId' | 'supportScope' | 'supportServiceIds'
>;

export const seesEveryTicket = (viewer: TicketViewer): boolean =>
  viewer.role === 'primary' || viewer.supportScope === 'global';

/** What of a ticket decides who sees it. */
export interface TicketInReach {
  openedBy: { contactId?: string | undefined };
  serviceId?: string | undefined;
}

export const maySee = (viewer: TicketViewer, ticket: TicketInReach): boolean =>
  seesEveryTicket(viewer) ||
  ticket.openedBy.contactId === viewer.contactId ||
  (viewer.supportScope === 'isolated' &&
    ticket.serviceId !== undefined &&
    viewer.supportServiceIds.includes(ticket.serviceId));
