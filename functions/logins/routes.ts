import { lazySchema, type RouteDefinition } from '#core/http/route';

const contacts = { kind: 'member', area: 'contacts' } as const;

/** Routes that create or change Cognito logins; kept apart so the contacts function stays small. */
export const LOGIN_ROUTES = [
  {
    id: 'requestAccount',
    method: 'POST',
    path: '/account-requests',
    function: 'logins',
    access: { kind: 'public' },
    summary:
      'Ask for a login with a contract number and the email of one of its contacts (same answer whatever the details; rate-limited)',
    body: lazySchema(async () => (await import('./schemas.ts')).accountRequestSchema),
    success: { status: 202, description: 'Received; an invitation follows if the details match.' },
    rateLimited: true,
    // Answers at once (the lookup is an outbox task): at most burst + rate × timeout instances (docs/deploy.md).
    throttle: { rateLimit: 2, burstLimit: 5 },
  },
  {
    id: 'putSubAccount',
    method: 'PUT',
    path: '/accounts/{accountId}/contacts/{contactId}/sub-account',
    function: 'logins',
    access: contacts,
    summary:
      'Activate a login for the contact (initial `password` or `invite: true`), or change its permissions',
    body: lazySchema(async () => (await import('./schemas.ts')).putSubAccountSchema),
    conflict:
      'The person already has a login (send no password: it changes only by its owner), an invitation is pending, the person is already a member, or the contact is the primary.',
    success: { status: 200, description: 'The contact with its sub-account.' },
    etag: true,
    rateLimited: true,
  },
  {
    id: 'patchSubAccount',
    method: 'PATCH',
    path: '/accounts/{accountId}/contacts/{contactId}/sub-account',
    function: 'logins',
    access: contacts,
    summary: 'Suspend or resume the contact’s login on this account',
    body: lazySchema(async () => (await import('./schemas.ts')).patchSubAccountSchema),
    conflict: 'The contact has no sub-account, or it is the primary contact.',
    success: { status: 200, description: 'The contact with its sub-account.' },
    etag: true,
  },
  {
    id: 'deleteSubAccount',
    method: 'DELETE',
    path: '/accounts/{accountId}/contacts/{contactId}/sub-account',
    function: 'logins',
    access: contacts,
    summary: 'Remove the contact’s login from this account (the contact stays)',
    success: { status: 204, description: 'Removed.' },
    conflict: 'The contact is the primary contact, whose login is the account holder’s.',
  },
] as const satisfies readonly RouteDefinition[];
