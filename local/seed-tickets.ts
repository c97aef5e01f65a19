/**
 * Demo tickets of Demo Hosting Ltd, written through the tickets services
 * (as the primary login, and as the demo helpdesk login), so their events,
 * Message-IDs and markers are exactly what the API writes: one answered by
 * the helpdesk, one waiting for it, one closed, and one the isolated devops
 * login opened about the VPS it supports.
 */
import type { StaffCaller } from '#core/access/caller';
import { seedStaffReads } from './seed-services.ts';

export const seedDemoTickets = async (
  account: { id: string },
  primaryLoginId: string,
  helpdesk: StaffCaller,
  vps: { serviceId: string; supportLoginId: string }
) => {
  const { authorizeMember } = await import('#core/access/authorization');
  const { closeTicketAsMember, openTicket } = await import('../functions/tickets/service.ts');
  const { answerTicket } = await import('../functions/tickets/staff.ts');
  const { tableStore: store } = await import('#core/table/function-store');
  const reads = await seedStaffReads();
  const authTime = Math.floor(Date.now() / 1000);
  const membership = await authorizeMember(
    primaryLoginId,
    account.id,
    { area: 'tickets' },
    authTime,
    store
  );
  const owner = { kind: 'member' as const, loginId: primaryLoginId, authTime, membership };

  const bounced = await openTicket(store, owner, {
    subject: 'Mail to info@demo.example bounces',
    body: 'Since this morning every mail to info@demo.example comes back with "mailbox full".',
  });
  await answerTicket(
    store,
    helpdesk,
    reads,
    bounced.ticket.id,
    'The mailbox had reached its quota; we raised it to 10 GB. Mail is delivered again.'
  );
  await openTicket(store, owner, {
    subject: 'New invoice address from January',
    body: 'Please send invoices from January on to our new office: 7 Quay Road, Bristol BS1 6AA.',
    department: 'billing',
  });
  const closed = await openTicket(store, owner, {
    subject: 'Question about backups',
    body: 'How long are nightly backups kept?',
  });
  await closeTicketAsMember(store, owner, closed.ticket.id);
  const devops = {
    kind: 'member' as const,
    loginId: vps.supportLoginId,
    authTime,
    membership: await authorizeMember(
      vps.supportLoginId,
      account.id,
      { area: 'tickets' },
      authTime,
      store
    ),
  };
  const reboot = await openTicket(store, devops, {
    subject: 'VPS 17 rebooted at 03:12',
    body: 'Our VPS restarted unexpectedly last night. Was there maintenance on the host?',
    serviceId: vps.serviceId,
  });
  await answerTicket(
    store,
    helpdesk,
    reads,
    reboot.ticket.id,
    'Yes: the host received a security update at 03:10. No further restarts are planned.'
  );
};
