/**
 * The tickets API's answers to a ticket outside the caller's reach
 * (core/access/ticket-reach.ts): the same 404 as for no ticket at all.
 */
import { maySee, seesEveryTicket, type TicketViewer } from '#core/access/ticket-reach';
import type { Ticket } from '#core/entities/ticket';
import { ForbiddenError, NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';

export type Viewer = TicketViewer;

export const ticketNotFound = () =>
  new NotFoundError(PROBLEM.notFound, 'The ticket does not exist.');

/** The ticket, if this viewer may see it; otherwise the same 404 as for no ticket at all. */
export const visibleOrNotFound = <T extends Pick<Ticket, 'openedBy' | 'serviceId'>>(
  viewer: Viewer,
  ticket: T | undefined
): T => {
  if (!ticket || !maySee(viewer, ticket)) throw ticketNotFound();
  return ticket;
};

/**
 * A ticket about a service may be opened by those who may support it: the
 * primary and `global` contacts for any service, `isolated` ones for their
 * assigned services, `none` for no service at all.
 */
export const assertMayOpenAbout = (viewer: Viewer, serviceId: string): void => {
  if (seesEveryTicket(viewer)) return;
  if (viewer.supportScope === 'isolated') {
    if (viewer.supportServiceIds.includes(serviceId)) return;
    throw new ForbiddenError(
      PROBLEM.serviceNotAssigned,
      'Your support access covers only the services assigned to you; this service is not one of them. Open the ticket without a service, or ask the account holder to assign it to you.',
      { supportScope: viewer.supportScope, allowedServiceIds: viewer.supportServiceIds }
    );
  }
  throw new ForbiddenError(
    PROBLEM.noSupportAccess,
    'Your login has no support access to services, so it cannot open a ticket about one. Open the ticket without a service, or ask the account holder for support access.',
    { supportScope: viewer.supportScope, allowedServiceIds: [] }
  );
};
