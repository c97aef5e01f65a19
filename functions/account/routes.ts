import { lazySchema, type RouteDefinition } from '#core/http/route';

export const ACCOUNT_ROUTES = [
  {
    id: 'getAccount',
    method: 'GET',
    path: '/accounts/{accountId}',
    function: 'account',
    access: { kind: 'member', area: 'profile' },
    summary: 'The account and its primary contact ("My Details")',
    success: { status: 200, description: 'The account.' },
    etag: true,
  },
  {
    id: 'patchAccount',
    method: 'PATCH',
    path: '/accounts/{accountId}',
    function: 'account',
    access: { kind: 'member', area: 'profile', primaryOnly: true },
    summary: 'Update "My Details" (the primary contact)',
    body: lazySchema(async () => (await import('./schemas.ts')).patchMyDetailsSchema),
    success: { status: 200, description: 'The updated account.' },
    ifMatch: true,
    rateLimited: true,
  },
  {
    id: 'confirmAccountEmail',
    method: 'POST',
    path: '/accounts/{accountId}/email-verification',
    function: 'account',
    access: { kind: 'member', area: 'profile', primaryOnly: true },
    summary: 'Confirm a new login email with the code mailed to it',
    body: lazySchema(async () => (await import('./schemas.ts')).confirmEmailChangeSchema),
    conflict:
      'No email change is pending, a newer code replaced this one, or another login took the address meanwhile.',
    success: { status: 200, description: 'The account with its new email.' },
    etag: true,
  },
  {
    id: 'listAudit',
    method: 'GET',
    path: '/accounts/{accountId}/audit',
    function: 'account',
    access: { kind: 'member', area: 'profile', primaryOnly: true },
    summary: 'Who changed what on the account, newest first (`?cursor=&limit=`)',
    query: lazySchema(async () => (await import('#core/http/schemas')).pageQuerySchema),
    success: { status: 200, description: 'A page of audit entries.' },
  },
] as const satisfies readonly RouteDefinition[];
