/**
 * The route table: the single source of truth for the HTTP API. Each area
 * keeps its rows beside its code (`<area>/routes.ts`); this module gathers
 * them. The CDK stack creates one HTTP API route per row, the local gateway
 * serves them, the OpenAPI document is generated from them and the
 * authorization tests iterate over them. Every row declares who may call it.
 */

import { ACCOUNT_ROUTES } from './account/routes.ts';
import { BILLING_ROUTES } from './billing/routes.ts';
import { CONTACT_ROUTES } from './contacts/routes.ts';
import type { RouteDefinition } from './core/http/route.ts';
import { LOGIN_ROUTES } from './logins/routes.ts';
import { ME_ROUTES } from './me/routes.ts';
import { PUBLIC_ROUTES } from './public/routes.ts';
import { SERVICE_ROUTES } from './services/routes.ts';
import { STAFF_ACCOUNT_ROUTES, STAFF_NOTICE_ROUTES, STAFF_ROUTES } from './staff/routes.ts';
import { STAFF_TICKET_ROUTES, TICKET_ROUTES } from './tickets/routes.ts';

export type { Access, AuthorizerKind, HttpMethod, RouteDefinition } from './core/http/route.ts';
export { authorizerOf } from './core/http/route.ts';

/** One Lambda function per area; each folder under functions/ with a handler.ts. */
export const FUNCTION_NAMES = [
  'public',
  'me',
  'account',
  'contacts',
  'logins',
  'services',
  'tickets',
  'billing',
  'staff',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const ROUTES = [
  ...PUBLIC_ROUTES,
  ...ME_ROUTES,
  ...ACCOUNT_ROUTES,
  ...CONTACT_ROUTES,
  ...LOGIN_ROUTES,
  ...SERVICE_ROUTES,
  ...TICKET_ROUTES,
  ...STAFF_TICKET_ROUTES,
  ...BILLING_ROUTES,
  ...STAFF_ROUTES,
  ...STAFF_ACCOUNT_ROUTES,
  ...STAFF_NOTICE_ROUTES,
] as const satisfies readonly (RouteDefinition & {
  function: FunctionName;
})[];

export type RouteId = (typeof ROUTES)[number]['id'];

export const routesOf = (fn: FunctionName): RouteDefinition[] =>
  ROUTES.filter((route) => route.function === fn);
