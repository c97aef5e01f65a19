import type { RouteDefinition } from '#core/http/route';

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
  },
  {
    id: 'declineInvitation',
    method: 'DELETE',
    path: '/me/invitations/{accountId}',
    function: 'me',
    access: { kind: 'login' },
    summary: 'Decline an account’s invitation: the login stays out of it',
    success: { status: 204, description: 'Declined.' },
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
