/**
 * What a row of the route table is. Rows live with their area
 * (`functions/<area>/routes.ts`) so a function's bundle holds only its own
 * request schemas; `functions/routes.ts` gathers them into the one table.
 */

import type { Area } from '../rules/permissions.ts';
import type { RequestSchema } from './schemas.ts';

/**
 * Request schemas are loaded on a route's first use, not at cold start:
 * building them (and parsing zod) would otherwise cost every invocation's
 * cold start, reads included.
 */
export type SchemaLoader = () => Promise<RequestSchema>;

/** Declares a schema loader keeping the schema's own type (for the route functions' input types). */
export const lazySchema = <S extends RequestSchema>(load: () => Promise<S>): (() => Promise<S>) =>
  load;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * - public: no token.
 * - login: any verified login; no account in the path.
 * - member: a live membership of the path's account with `area` granted;
 *   `primaryOnly` routes also need the primary login (the account holder).
 * - self: a live membership of the path's account, any areas; the route
 *   touches only the caller's own contact (its own details).
 * - staff: a login of the staff user pool (operators, helpdesk) whose staff
 *   item is active; `/staff/*` paths only, and no client token ever reaches
 *   them. The authorizer reads the staff item with a GetItem of its own;
 *   `liveCheck: 'shared-read'` routes instead read it in the same call as a
 *   read by key they make anyway (`staffCheck.read`, one BatchGet), which
 *   keeps a route that needs two reads of its own within the budget of two
 *   per request.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'login' }
  | { kind: 'member'; area: Area; primaryOnly?: boolean }
  /**
   * A live, active membership of the path's account, whatever areas it
   * holds: for routes that act on the caller's own contact there only.
   */
  | { kind: 'self' }
  | { kind: 'staff'; liveCheck?: 'shared-read' };

/**
 * Which JWT authorizer guards a route: none for public routes, the staff
 * pool's for staff routes, the client pool's for the rest. The CDK API and
 * the local gateway both decide through this one function.
 */
export type AuthorizerKind = 'none' | 'client' | 'staff';

export const authorizerOf = (access: Access): AuthorizerKind => {
  if (access.kind === 'public') return 'none';
  return access.kind === 'staff' ? 'staff' : 'client';
};

/**
 * A raw file as the request body instead of JSON (an invoice PDF): one
 * media type (415 otherwise), a size limit (413 beyond it) and the bytes
 * every such file starts with (400 otherwise). The route receives the bytes.
 */
export interface FileBody {
  mediaType: string;
  maxBytes: number;
  /** The file's magic number as text, e.g. `%PDF-`. */
  startsWith: string;
  description: string;
}

export interface RouteDefinition {
  /** Unique; also the OpenAPI operationId and the key of the implementation. */
  id: string;
  method: HttpMethod;
  /** API Gateway style: `/accounts/{accountId}`. Member routes always carry `{accountId}`. */
  path: string;
  /** The Lambda function serving it: a folder under functions/ with a handler.ts. */
  function: string;
  access: Access;
  summary: string;
  /** Request body schema (strict: unknown fields fail). */
  body?: SchemaLoader;
  /** A raw file body instead (never together with `body`). */
  fileBody?: FileBody;
  /**
   * An `application/x-www-form-urlencoded` body instead, each field once
   * (RFC 8058's one-click POST sends one); the strict schema sees strings.
   */
  formBody?: SchemaLoader;
  /** Query string schema (strict: unknown parameters fail). */
  query?: SchemaLoader;
  /** Success status; the body's schema is in the area's responses.ts. */
  success: { status: number; description: string };
  /** A second success status with the same body (a load repeated: 200 instead of 201). */
  repeatSuccess?: { status: number; description: string };
  /** What (else) a 404 means on this route: besides an unknown path id or account, or on its own for routes without path ids. */
  notFound?: string;
  /** What (else) a 400 means on this route, beyond a field `errors` lists. */
  invalid?: string;
  /** What (else) a 422 means on this route: a reference the body makes that cannot be used. */
  unprocessable?: string;
  /** What a 503 means on this route (something the stage is not set up for). */
  unavailable?: string;
  /** What a 410 means on this route (a link past its expiry). */
  gone?: string;
  /** What a 409 means on this route, besides a stale body `version`. */
  conflict?: string;
  /** The success answer carries the item's version as an `ETag`. */
  etag?: boolean;
  /** The route honours `If-Match` (the write happens only over that version, 412 otherwise) and answers with an `ETag`. */
  ifMatch?: boolean;
  /** A 201 (or 202) carries `Location`, the new item's path (a repeated load's 200, `Content-Location`). */
  location?: boolean;
  /** The route honours an `Idempotency-Key` header (see core/db/idempotency.ts). */
  idempotencyKey?: true;
  /** The route is rate-limited: over the limit it answers 429 with `Retry-After` (documents it). */
  rateLimited?: true;
  /**
   * API Gateway throttles this route below the stage's default (requests
   * per second, burst): its own 429, before any function runs.
   */
  throttle?: { rateLimit: number; burstLimit: number };
}

/**
 * The request and response headers browsers may use across origins: the
 * CDK HTTP API and the local gateway both configure CORS from this.
 */
export const CORS_HEADERS = {
  allow: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
  expose: ['etag', 'location', 'idempotent-replayed', 'retry-after'],
} as const;
