import { lazySchema, type RouteDefinition } from '#core/http/route';

const staff = { kind: 'staff' } as const;

/** 4 MiB: base64 in the Lambda event (5.6 MB) stays under Lambda's 6 MB request limit. */
const MAX_INVOICE_PDF_BYTES = 4 * 1024 * 1024;
/** Routes that need two reads of their own make the live staff check in one of them (route.ts). */
const staffSharedRead = { kind: 'staff', liveCheck: 'shared-read' } as const;

/** The helpdesk reads accounts: by id, by contract number, by a contact's email. */
export const STAFF_ACCOUNT_ROUTES = [
  {
    id: 'getStaffAccount',
    method: 'GET',
    path: '/staff/accounts/{accountId}',
    function: 'staff',
    access: staff,
    summary:
      'An account with its contract numbers, its primary contact and how many contacts and sub-accounts it has',
    success: { status: 200, description: 'The account.' },
    notFound: 'No account has this id.',
  },
  {
    id: 'findStaffAccounts',
    method: 'GET',
    path: '/staff/accounts',
    function: 'staff',
    access: staffSharedRead,
    summary:
      'The accounts a contract number (`?contract=`) or a contact’s email address (`?email=`, every account it is a contact of) names; one of the two',
    query: lazySchema(async () => (await import('./schemas.ts')).accountLookupQuerySchema),
    success: {
      status: 200,
      description:
        'The accounts found (none when nothing matches); by email a page may be short, follow `cursor` while it is not null.',
    },
  },
] as const satisfies readonly RouteDefinition[];

/**
 * Operators' loading: accounts, services and domains, invoices and usage,
 * each idempotent (by external id, invoice number, record time and id).
 * `npm run import` sends its rows here.
 */
export const STAFF_ROUTES = [
  {
    id: 'loadAccount',
    method: 'POST',
    path: '/staff/accounts',
    function: 'staff',
    access: staffSharedRead,
    summary:
      'Load an account with its contract numbers, hosted domains and primary contact (idempotent by `externalId`)',
    body: lazySchema(async () => (await import('./schemas.ts')).accountLoadSchema),
    location: true,
    success: {
      status: 201,
      description:
        'Created, with its `Location`; 200 when the external id was loaded before (name, domains and new contract numbers updated).',
    },
    repeatSuccess: {
      status: 200,
      description:
        'The external id was loaded before: name, domains and new contract numbers updated.',
    },
    conflict:
      'A contract number belongs to another account, or the account changed meanwhile (send again).',
  },
  {
    id: 'loadService',
    method: 'POST',
    path: '/staff/accounts/{accountId}/services',
    function: 'staff',
    access: staffSharedRead,
    summary: 'Load a service or domain of the account (idempotent by `externalId`)',
    body: lazySchema(async () => (await import('./schemas.ts')).serviceLoadSchema),
    location: true,
    success: {
      status: 201,
      description:
        'Created, with its `Location`; 200 when the external id was loaded before (label, status, server, IPs and contract updated).',
    },
    repeatSuccess: {
      status: 200,
      description:
        'The external id was loaded before: label, status, server, IPs and contract updated.',
    },
    conflict:
      'The external id is a service of another account or of another type, or it changed meanwhile (send again).',
  },
  {
    id: 'loadInvoice',
    method: 'POST',
    path: '/staff/accounts/{accountId}/invoices',
    function: 'staff',
    access: staffSharedRead,
    summary: 'Load an invoice of the account (idempotent by `number`)',
    body: lazySchema(async () => (await import('./schemas.ts')).invoiceLoadSchema),
    location: true,
    success: {
      status: 201,
      description:
        'Created, with its `Location`; 200 when the number was loaded before (its fields rewritten).',
    },
    repeatSuccess: {
      status: 200,
      description: 'The number was loaded before: its fields rewritten.',
    },
    conflict:
      'The invoice number belongs to another account, or it changed meanwhile (send again).',
  },
  {
    id: 'uploadInvoicePdf',
    method: 'PUT',
    path: '/staff/accounts/{accountId}/invoices/{invoiceNumber}/pdf',
    function: 'staff',
    access: staff,
    summary:
      'Upload the PDF of a loaded invoice (the raw file as `application/pdf`, at most 4 MiB); a new upload replaces it',
    fileBody: {
      mediaType: 'application/pdf',
      maxBytes: MAX_INVOICE_PDF_BYTES,
      startsWith: '%PDF-',
      description: 'PDF file',
    },
    success: { status: 200, description: 'Stored: the invoice, now with `hasPdf: true`.' },
    notFound: 'The account has no invoice of that number.',
    conflict: 'The invoice changed while the file was stored (send again).',
  },
  {
    id: 'loadUsage',
    method: 'POST',
    path: '/staff/accounts/{accountId}/services/{serviceId}/usage',
    function: 'staff',
    access: staff,
    summary:
      'Load up to 100 VoIP call records, or up to 96 serverhousing traffic samples of at most 3 UTC months, of a service (all or nothing; a record loaded again is replaced, and monthly traffic totals move by the difference)',
    body: lazySchema(async () => (await import('./schemas.ts')).usageLoadSchema),
    success: { status: 200, description: 'Every record of the batch landed.' },
    conflict:
      'The service does not take this kind of record, the batch would give a month traffic of more than 1,000 IPs, or it could not land (send again).',
  },
  {
    id: 'resolveExternalId',
    method: 'GET',
    path: '/staff/external-ids/{kind}/{externalId}',
    function: 'staff',
    access: staff,
    summary:
      'The account (and service) an external id or invoice number names (`kind`: account, service or invoice)',
    success: { status: 200, description: 'What the id names.' },
  },
] as const satisfies readonly RouteDefinition[];

/** Staff notices: mail to the contacts of the accounts, services, servers or domains named. */
export const STAFF_NOTICE_ROUTES = [
  {
    id: 'createNotice',
    method: 'POST',
    path: '/staff/notices',
    function: 'staff',
    access: staff,
    summary:
      'Send a notice (category general, product or domain) to the contacts of the accounts, services, a server, a service type, domains or everyone it names; mailed by preference, in each contact’s language',
    body: lazySchema(async () => (await import('./notice-schemas.ts')).noticeCreateSchema),
    location: true,
    success: {
      status: 202,
      description:
        'Accepted, with `Location`: the notice is addressed and mailed in the background; follow it there. A retry with the same `Idempotency-Key` answers the same notice (header `Idempotent-Replayed: true`).',
    },
    idempotencyKey: true,
  },
  {
    id: 'listNotices',
    method: 'GET',
    path: '/staff/notices',
    function: 'staff',
    access: staff,
    summary:
      'Every notice, newest first (`?cursor=&limit=`): what was sent, when, by whom and whether it is addressed; the counts are in each notice',
    query: lazySchema(async () => (await import('#core/http/schemas')).pageQuerySchema),
    success: { status: 200, description: 'A page of notices.' },
  },
  {
    id: 'getNotice',
    method: 'GET',
    path: '/staff/notices/{noticeId}',
    function: 'staff',
    access: staff,
    summary:
      'A notice and how far it got: accounts addressed, recipients, sent, failed, queued and skipped (by reason)',
    success: { status: 200, description: 'The notice and its counts.' },
    notFound: 'No notice has this id.',
  },
] as const satisfies readonly RouteDefinition[];
