import type { RouteDefinition } from '#core/http/route';

export const PUBLIC_ROUTES = [
  {
    id: 'getHealth',
    method: 'GET',
    path: '/health',
    function: 'public',
    access: { kind: 'public' },
    summary: 'Liveness check',
    success: { status: 200, description: 'The API is up.' },
  },
  {
    id: 'getClientConfig',
    method: 'GET',
    path: '/config',
    function: 'public',
    access: { kind: 'public' },
    summary: 'What a portal (or the staff console) needs to log in',
    success: { status: 200, description: 'Client and staff user pool settings.' },
  },
] as const satisfies readonly RouteDefinition[];
