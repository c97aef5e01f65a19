import type { RouteDefinition } from '#core/http/route';
import { pageQuerySchema } from '#core/schemas';
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
    access: { kind: 'member', area: 'profile', primaryOnly: true },
    summary: 'Update "My Details" (the primary contact)',
    body: patchMyDetailsSchema,
    success: { status: 200, description: 'The updated account.' },
    etag: true,
  },
  {
    id: 'confirmAccountEmail',
    method: 'POST',
    path: '/accounts/{accountId}/email-verification',
    function: 'account',
    access: { kind: 'member', area: 'profile', primaryOnly: true },
    summary: 'Confirm a new login email with the code mailed to it',
    body: confirmEmailChangeSchema,
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
    query: pageQuerySchema,
    success: { status: 200, description: 'A page of audit entries.' },
  },
] as const satisfies readonly RouteDefinition[];
