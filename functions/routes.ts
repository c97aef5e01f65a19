/**
 * The route table: the single source of truth for the HTTP API. The CDK
 * stack creates one HTTP API route per entry, the local gateway serves it,
 * the OpenAPI document is generated from it and the authorization tests
 * iterate over it. Every route declares who may call it.
 */
import type { ZodType } from 'zod';
import {
  accountSchema,
  confirmEmailChangeSchema,
  patchMyDetailsSchema,
} from './account/schemas.ts';
import type { Area } from './core/permissions.ts';
import { meSchema } from './me/schemas.ts';
import { clientConfigSchema, healthSchema } from './public/schemas.ts';

/** One Lambda function per area; each folder under functions/ with a handler.ts. */
export const FUNCTION_NAMES = ['public', 'me', 'account'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * - public: no token.
 * - login: any verified login; no account in the path.
 * - member: a live membership of the path's account with `area` granted.
 */
export type Access = { kind: 'public' } | { kind: 'login' } | { kind: 'member'; area: Area };

export interface RouteDefinition {
  /** Unique; also the OpenAPI operationId and the key of the implementation. */
  id: string;
  method: HttpMethod;
  /** API Gateway style: `/accounts/{accountId}`. Member routes always carry `{accountId}`. */
  path: string;
  function: FunctionName;
  access: Access;
  summary: string;
  body?: ZodType;
  /** Success status and body schema (none for 204). */
  success: { status: number; schema?: ZodType; description: string };
  /** The route honours `If-Match` and answers with an `ETag`. */
  etag?: boolean;
}

export const ROUTES = [
  {
    id: 'getHealth',
    method: 'GET',
    path: '/health',
    function: 'public',
    access: { kind: 'public' },
    summary: 'Liveness check',
    success: { status: 200, schema: healthSchema, description: 'The API is up.' },
  },
  {
    id: 'getClientConfig',
    method: 'GET',
    path: '/config',
    function: 'public',
    access: { kind: 'public' },
    summary: 'What a portal needs to log in',
    success: { status: 200, schema: clientConfigSchema, description: 'User pool settings.' },
  },
  {
    id: 'getMe',
    method: 'GET',
    path: '/me',
    function: 'me',
    access: { kind: 'login' },
    summary: 'The login and the accounts it belongs to',
    success: { status: 200, schema: meSchema, description: 'The caller and its accounts.' },
  },
  {
    id: 'getAccount',
    method: 'GET',
    path: '/accounts/{accountId}',
    function: 'account',
    access: { kind: 'member', area: 'profile' },
    summary: 'The account and its primary contact ("My Details")',
    success: { status: 200, schema: accountSchema, description: 'The account.' },
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
    success: { status: 200, schema: accountSchema, description: 'The updated account.' },
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
    success: { status: 200, schema: accountSchema, description: 'The account with its new email.' },
    etag: true,
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof ROUTES)[number]['id'];

export type RoutesOf<F extends FunctionName> = Extract<(typeof ROUTES)[number], { function: F }>;

export const routesOf = (fn: FunctionName): RouteDefinition[] =>
  ROUTES.filter((route) => route.function === fn);
