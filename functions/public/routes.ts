import type { RouteDefinition } from '#core/http/route';

export const PUBLIC_ROUTES = [
  {
    id: 'getHealth',
    method: 'GET',
    path: '/health',
    function: 'public',
    access: { kind: 'public' },
    summary: 'Liveness check',
    // Probes need a few a second; a flood is stopped at the gateway.
    throttle: { rateLimit: 5, burstLimit: 10 },
    success: { status: 200, description: 'The API is up.' },
  },
  {
    id: 'getClientConfig',
    method: 'GET',
    path: '/config',
    function: 'public',
    access: { kind: 'public' },
    summary: 'What a portal (or the staff console) needs to log in',
    // Once per portal load; browsers cache nothing here, so room for busy mornings.
    throttle: { rateLimit: 50, burstLimit: 100 },
    success: { status: 200, description: 'Client and staff user pool settings.' },
  },
] as const satisfies readonly RouteDefinition[];
