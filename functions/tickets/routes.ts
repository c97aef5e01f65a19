import { lazySchema, type RouteDefinition } from '#core/http/route';

const tickets = { kind: 'member', area: 'tickets' } as const;
/** Routes that need two reads of their own make the live staff check in one of them (route.ts). */
const staffSharedRead = { kind: 'staff', liveCheck: 'shared-read' } as const;

/** The 422s of a message naming uploads (functions/tickets/attachments.ts). */
const UPLOAD_REFUSALS =
  'An `attachments` entry is not an upload of this login on this account, was used already, was never uploaded, or its file is not of its declared size or type; nothing is saved.';

/** Tickets of an account, as its members see them (visibility: docs/tickets.md). */
export const TICKET_ROUTES = [
  {
    id: 'listTickets',
    method: 'GET',
    path: '/accounts/{accountId}/tickets',
    function: 'tickets',
    access: tickets,
    summary:
      'The tickets this login may see, newest activity first (`?status=&cursor=&limit=`; a page may be short, follow `cursor` while it is not null)',
    query: lazySchema(async () => (await import('./schemas.ts')).ticketListQuerySchema),
    success: { status: 200, description: 'A page of tickets (without their messages).' },
  },
  {
    id: 'createTicket',
    method: 'POST',
    path: '/accounts/{accountId}/tickets',
    function: 'tickets',
    access: tickets,
    summary:
      'Open a ticket, optionally about a service this login may support (403 otherwise, 422 if the account has no such service), with files uploaded before (`attachments`)',
    body: lazySchema(async () => (await import('./schemas.ts')).createTicketSchema),
    unprocessable: UPLOAD_REFUSALS,
    location: true,
    success: {
      status: 201,
      description:
        'The new ticket with its first message, and `Location`. A retry with the same `Idempotency-Key` answers the same ticket (header `Idempotent-Replayed: true`).',
    },
    idempotencyKey: true,
    rateLimited: true,
  },
  {
    id: 'createTicketUpload',
    method: 'POST',
    path: '/accounts/{accountId}/ticket-uploads',
    function: 'tickets',
    access: tickets,
    summary:
      'Declare a file for a new ticket or a reply (name, type, exact size) and get a presigned PUT for it; then name its `id` in the message’s `attachments`',
    body: lazySchema(async () => (await import('./schemas.ts')).uploadDeclarationSchema),
    success: {
      status: 201,
      description:
        'The upload: PUT the file’s bytes to `upload.url` with `upload.headers` before `expiresAt`, then send its `id` within a day.',
    },
    rateLimited: true,
    unavailable: 'This stage keeps no attachment files (no mail bucket is configured).',
  },
  {
    id: 'getTicket',
    method: 'GET',
    path: '/accounts/{accountId}/tickets/{ticketId}',
    function: 'tickets',
    access: tickets,
    summary: 'A ticket with its messages, oldest first (404 when this login may not see it)',
    success: { status: 200, description: 'The ticket and its conversation.' },
  },
  {
    id: 'replyToTicket',
    method: 'POST',
    path: '/accounts/{accountId}/tickets/{ticketId}/replies',
    function: 'tickets',
    access: tickets,
    summary:
      'Reply to a ticket: status `customer-reply` (a reply reopens a closed ticket), with files uploaded before (`attachments`)',
    body: lazySchema(async () => (await import('./schemas.ts')).replySchema),
    unprocessable: UPLOAD_REFUSALS,
    location: true,
    success: {
      status: 201,
      description:
        'The new message and the ticket after it. A retry with the same `Idempotency-Key` answers the same message.',
    },
    idempotencyKey: true,
  },
  {
    id: 'closeTicket',
    method: 'POST',
    path: '/accounts/{accountId}/tickets/{ticketId}/close',
    function: 'tickets',
    access: tickets,
    summary: 'Close a ticket (closing a closed ticket changes nothing)',
    success: { status: 200, description: 'The closed ticket.' },
  },
] as const satisfies readonly RouteDefinition[];

/** The helpdesk's ticket routes, served by the same function. */
export const STAFF_TICKET_ROUTES = [
  {
    id: 'listStaffTickets',
    method: 'GET',
    path: '/staff/tickets',
    function: 'tickets',
    access: staffSharedRead,
    summary:
      'The helpdesk queue: tickets of every account in one or more statuses of one turn (`?status=open,customer-reply`, or `answered`, or `closed`; `open` by default), by last activity (`?order=newest` by default, or `oldest`)',
    query: lazySchema(async () => (await import('./schemas.ts')).staffTicketListQuerySchema),
    success: {
      status: 200,
      description:
        'A page of tickets, each with its `accountId` and the account’s current `accountName`.',
    },
  },
  {
    id: 'getStaffTicket',
    method: 'GET',
    path: '/staff/tickets/{ticketId}',
    function: 'tickets',
    access: staffSharedRead,
    summary: 'A ticket of any account with its messages',
    success: { status: 200, description: 'The ticket, its `accountId` and its conversation.' },
  },
  {
    id: 'answerTicket',
    method: 'POST',
    path: '/staff/tickets/{ticketId}/replies',
    function: 'tickets',
    access: staffSharedRead,
    summary: 'Answer a ticket: status `answered` (an answer reopens a closed ticket)',
    body: lazySchema(async () => (await import('./schemas.ts')).answerSchema),
    location: true,
    success: {
      status: 201,
      description:
        'The new message and the ticket after it. A retry with the same `Idempotency-Key` answers the same message.',
    },
    idempotencyKey: true,
  },
  {
    id: 'setStaffTicketStatus',
    method: 'POST',
    path: '/staff/tickets/{ticketId}/status',
    function: 'tickets',
    access: staffSharedRead,
    summary:
      'Set a ticket’s status: `closed`, `open` (reopen) or `answered` (mark answered); setting the status it has changes nothing',
    body: lazySchema(async () => (await import('./schemas.ts')).ticketStatusSetSchema),
    success: { status: 200, description: 'The ticket after the change, with its `ETag`.' },
    ifMatch: true,
    conflict: 'The ticket changed while its status was being set (fetch it and send again).',
  },
  {
    id: 'findRequester',
    method: 'GET',
    path: '/staff/requesters',
    function: 'tickets',
    access: staffSharedRead,
    summary:
      'Which accounts an email address is a contact of, with its role, permissions, login status and support access there (`?email=`)',
    query: lazySchema(async () => (await import('./schemas.ts')).requesterQuerySchema),
    success: { status: 200, description: 'The address and one entry per account.' },
  },
  {
    id: 'listInboundRefusals',
    method: 'GET',
    path: '/staff/inbound-refusals',
    function: 'tickets',
    access: { kind: 'staff' },
    summary:
      'Mail to support that was refused (not registered, not allowed, authentication failed, too large …), newest first, with where its raw message is kept',
    query: lazySchema(async () => (await import('#core/http/schemas')).pageQuerySchema),
    success: { status: 200, description: 'A page of refused mail.' },
  },
] as const satisfies readonly RouteDefinition[];
