import { lazySchema, type RouteDefinition } from '#core/http/route';

export const ME_ROUTES = [
  {
    id: 'getMe',
    method: 'GET',
    path: '/me',
    function: 'me',
    access: { kind: 'login' },
    summary: 'The login and the accounts it belongs to',
    success: { status: 200, description: 'The caller and its accounts.' },
  },
  {
    id: 'acceptInvitation',
    method: 'POST',
    path: '/me/invitations/{accountId}',
    function: 'me',
    access: { kind: 'login' },
    summary:
      'Accept an account’s invitation: the login joins it with the role and areas it was given',
    success: { status: 200, description: 'The account as the login now sees it.' },
    conflict: 'The invitation was withdrawn or already answered.',
  },
  {
    id: 'declineInvitation',
    method: 'DELETE',
    path: '/me/invitations/{accountId}',
    function: 'me',
    access: { kind: 'login' },
    summary: 'Decline an account’s invitation: the login stays out of it',
    success: { status: 204, description: 'Declined.' },
    conflict: 'The invitation was withdrawn or already answered.',
  },
  {
    id: 'startOwnEmailChange',
    method: 'POST',
    path: '/me/email-change',
    function: 'me',
    access: { kind: 'login' },
    summary:
      'Change this login’s email: a code goes to the new address, a notice to the current one (rate-limited)',
    body: lazySchema(async () => (await import('./schemas.ts')).ownEmailChangeSchema),
    success: { status: 202, description: 'The change waits for the code.' },
    rateLimited: true,
    conflict:
      'The login’s address was never proven by its mailbox, so it cannot move (see docs/sub-accounts.md).',
  },
  {
    id: 'confirmOwnEmailChange',
    method: 'POST',
    path: '/me/email-verification',
    function: 'me',
    access: { kind: 'login' },
    summary: 'Confirm this login’s new email with the code mailed to it',
    body: lazySchema(async () => (await import('./schemas.ts')).ownEmailConfirmationSchema),
    success: { status: 200, description: 'The login’s email is the new address.' },
    conflict:
      'No change is waiting, a newer code replaced this one, or another login holds the address.',
  },
  {
    id: 'suggestPassword',
    method: 'GET',
    path: '/password-suggestion',
    function: 'me',
    access: { kind: 'login' },
    summary: 'A strong random password that meets the login password policy (never stored)',
    success: { status: 200, description: 'A suggestion for a new sub-account’s initial password.' },
  },
  {
    id: 'getStaffMe',
    method: 'GET',
    path: '/staff/me',
    function: 'me',
    access: { kind: 'staff' },
    summary: 'The staff login (operator or helpdesk) behind the token',
    success: { status: 200, description: 'The staff login.' },
  },
] as const satisfies readonly RouteDefinition[];
