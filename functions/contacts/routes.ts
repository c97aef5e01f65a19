import { lazySchema, type RouteDefinition } from '#core/http/route';

const contacts = { kind: 'member', area: 'contacts' } as const;

/** The link a mail's `List-Unsubscribe` carries (core/mail/unsubscribe-headers.ts): no token of ours, no answer. */
const unsubscribeLink = {
  path: '/unsubscribe',
  function: 'contacts',
  access: { kind: 'public' },
  query: lazySchema(async () => (await import('./schemas.ts')).unsubscribeQuerySchema),
  invalid:
    'The `token` is not one Portico signed (altered or cut short): `invalid-unsubscribe-link`.',
  gone: 'The link expired, or its contact or account no longer exists (`unsubscribe-link-gone`; the two are not told apart).',
  // People click these one at a time; a flood is someone else, and is stopped before any read.
  throttle: { rateLimit: 5, burstLimit: 10 },
} as const;

export const CONTACT_ROUTES = [
  {
    id: 'listContacts',
    method: 'GET',
    path: '/accounts/{accountId}/contacts',
    function: 'contacts',
    access: contacts,
    summary: 'The account’s contacts, the primary included (`?cursor=&limit=`)',
    query: lazySchema(async () => (await import('#core/http/schemas')).pageQuerySchema),
    success: { status: 200, description: 'A page of contacts.' },
  },
  {
    id: 'createContact',
    method: 'POST',
    path: '/accounts/{accountId}/contacts',
    function: 'contacts',
    access: contacts,
    summary: 'Add a contact (an individual or an organisation)',
    body: lazySchema(async () => (await import('./schemas.ts')).createContactSchema),
    location: true,
    conflict:
      "Another contact of the account has this email address (`existingContactId` names it), or the address is a login's and cannot be a contact's.",
    success: {
      status: 201,
      description:
        'The new contact, its `Location`, and any `warnings`. A retry with the same `Idempotency-Key` answers the same contact (header `Idempotent-Replayed: true`).',
    },
    etag: true,
    idempotencyKey: true,
  },
  {
    id: 'getContact',
    method: 'GET',
    path: '/accounts/{accountId}/contacts/{contactId}',
    function: 'contacts',
    access: contacts,
    summary: 'One contact',
    success: { status: 200, description: 'The contact.' },
    etag: true,
  },
  {
    id: 'patchContact',
    method: 'PATCH',
    path: '/accounts/{accountId}/contacts/{contactId}',
    function: 'contacts',
    access: contacts,
    summary: 'Change a contact (the primary contact is changed through My Details)',
    body: lazySchema(async () => (await import('./schemas.ts')).patchContactSchema),
    success: { status: 200, description: 'The changed contact and any `warnings`.' },
    ifMatch: true,
  },
  {
    id: 'deleteContact',
    method: 'DELETE',
    path: '/accounts/{accountId}/contacts/{contactId}',
    function: 'contacts',
    access: contacts,
    summary: 'Remove a contact and its access to the account (never the primary)',
    success: { status: 204, description: 'Removed.' },
    ifMatch: true,
  },
  {
    id: 'getOwnContact',
    method: 'GET',
    path: '/accounts/{accountId}/my-contact',
    function: 'contacts',
    access: { kind: 'self' },
    summary: 'The caller’s own contact on the account, whatever areas it holds',
    success: { status: 200, description: 'The contact.' },
    etag: true,
  },
  {
    id: 'patchOwnContact',
    method: 'PATCH',
    path: '/accounts/{accountId}/my-contact',
    function: 'contacts',
    access: { kind: 'self' },
    summary:
      'Change the caller’s own name, phone, address and email preferences (the primary uses My Details)',
    body: lazySchema(async () => (await import('./schemas.ts')).ownContactPatchSchema),
    success: { status: 200, description: 'The changed contact and any `warnings`.' },
    ifMatch: true,
    conflict: 'The caller is the primary contact, whose details change through My Details.',
  },
  {
    id: 'getUnsubscribe',
    method: 'GET',
    ...unsubscribeLink,
    summary:
      'What an unsubscribe link would do, for a confirm page: the category and the masked address; changes nothing',
    success: {
      status: 200,
      description: 'The category the link turns off, the masked address, and whether it is on now.',
    },
  },
  {
    id: 'postUnsubscribe',
    method: 'POST',
    ...unsubscribeLink,
    summary:
      'One-click unsubscribe (RFC 8058): turns the link’s category off for its contact; a repeat changes nothing',
    formBody: lazySchema(async () => (await import('./schemas.ts')).oneClickUnsubscribeSchema),
    conflict: 'The contact kept changing while the link was applied; send it again.',
    success: {
      status: 200,
      description:
        'The category is off for that contact (already off: the same answer, nothing written).',
    },
  },
] as const satisfies readonly RouteDefinition[];
