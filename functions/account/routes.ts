import type { RouteDefinition } from '#core/http/route';
import { confirmEmailChangeSchema, patchMyDetailsSchema } from './schemas.ts';

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
    access: { kind: 'member', area: 'profile' },
    summary: 'Update "My Details" (the primary contact); primary login only',
    body: patchMyDetailsSchema,
    success: { status: 200, description: 'The updated account.' },
    etag: true,
  },
  {
    id: 'confirmAccountEmail',
    method: 'POST',
    path: '/accounts/{accountId}/email-verification',
    function: 'account',
    access: { kind: 'member', area: 'profile' },
    summary: 'Confirm a new login email with the code mailed to it; primary login only',
    body: confirmEmailChangeSchema,
    success: { status: 200, description: 'The account with its new email.' },
    etag: true,
  },
] as const satisfies readonly RouteDefinition[];
