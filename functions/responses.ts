/**
 * Success body schema of every route (null for none), for the OpenAPI
 * document. Kept apart from the route table so no Lambda bundle loads them.
 */
import type { ZodType } from 'zod';
import { ACCOUNT_RESPONSES } from './account/responses.ts';
import { BILLING_RESPONSES } from './billing/responses.ts';
import { CONTACT_RESPONSES } from './contacts/responses.ts';
import { LOGIN_RESPONSES } from './logins/responses.ts';
import { ME_RESPONSES } from './me/responses.ts';
import { PUBLIC_RESPONSES } from './public/responses.ts';
import type { RouteId } from './routes.ts';
import { SERVICE_RESPONSES } from './services/responses.ts';
import { STAFF_RESPONSES } from './staff/responses.ts';
import { TICKET_RESPONSES } from './tickets/responses.ts';

export const RESPONSES = {
  ...PUBLIC_RESPONSES,
  ...ME_RESPONSES,
  ...ACCOUNT_RESPONSES,
  ...CONTACT_RESPONSES,
  ...LOGIN_RESPONSES,
  ...SERVICE_RESPONSES,
  ...TICKET_RESPONSES,
  ...BILLING_RESPONSES,
  ...STAFF_RESPONSES,
} satisfies Record<RouteId, ZodType | null>;
