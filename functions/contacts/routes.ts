import { lazySchema, type RouteDefinition } from '#core/http/route';

const contacts = { kind: 'member', area: 'contacts' } as const;

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
] as const satisfies readonly RouteDefinition[];
