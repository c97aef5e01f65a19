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
] as const satisfies readonly RouteDefinition[];
