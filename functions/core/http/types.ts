import type * as z from 'zod/mini';
import type { Membership } from '../entities/membership.ts';
import type { Access, RouteDefinition } from './route.ts';

/** Who is calling, established by the authorization middleware only. */
export type AnonymousCaller = { kind: 'anonymous' };
/** `authTime`: when the session behind the token started (the token's `auth_time`, epoch seconds). */
export type LoginCaller = { kind: 'login'; loginId: string; authTime: number };
export type MemberCaller = {
  kind: 'member';
  loginId: string;
  authTime: number;
  membership: Membership;
};
/** A login of the staff user pool; staff have no membership, only their own routes. */
export type StaffCaller = { kind: 'staff'; staffId: string; username: string };

/**
 * The live staff check of a `liveCheck: 'shared-read'` route: a read by key
 * the route makes anyway, in one consistent BatchGet with the staff item.
 * It refuses a disabled or removed staff login (401) before returning
 * anything. The route calls it exactly once, before any write; a route
 * that answers without calling it gets a 500, never its answer.
 */
export interface StaffCheck {
  read(keys: Record<string, string>[]): Promise<Record<string, unknown>[]>;
}
export type Caller = AnonymousCaller | LoginCaller | MemberCaller | StaffCaller;

type CallerFor<A extends Access> = A extends { kind: 'member' } | { kind: 'self' }
  ? MemberCaller
  : A extends { kind: 'login' }
    ? LoginCaller
    : A extends { kind: 'staff' }
      ? StaffCaller
      : AnonymousCaller;

type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

/** The path parameters of a route path: `/accounts/{accountId}` → `{ accountId: string }`. */
export type PathParams<Path extends string> = { readonly [Name in ParamNames<Path>]: string };

export interface ApiRequest<
  C extends Caller = Caller,
  B = unknown,
  Q = Record<string, string>,
  P = Readonly<Record<string, string>>,
> {
  caller: C;
  /** Always present: the gateway matched the route's path before the function ran. */
  params: P;
  query: Q;
  body: B;
  /** The version an `If-Match` header asks for, when one was sent. */
  ifMatchVersion?: number;
  /** The `Idempotency-Key` header, on routes that declare `idempotencyKey`. */
  idempotencyKey?: string;
  requestId: string;
  /** The caller's address as API Gateway saw it (for rate limits). */
  sourceIp: string;
  /**
   * The verified bearer token ('' on public routes), only for the Cognito
   * calls the token itself authorises (GetUser). Never log or store it.
   */
  accessToken: string;
  /** Only on `liveCheck: 'shared-read'` staff routes (their request type makes it required). */
  staffCheck?: StaffCheck;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Resource version to send as the ETag. */
  version?: number;
  /** The answer repeats an earlier request's result (same `Idempotency-Key`). */
  replayed?: boolean;
}

type BodyOf<R> = R extends { body: () => Promise<infer S extends z.ZodMiniType> }
  ? z.output<S>
  : R extends { fileBody: object }
    ? Buffer
    : undefined;
type QueryOf<R> = R extends { query: () => Promise<infer S extends z.ZodMiniType> }
  ? z.output<S>
  : Record<string, string>;

type StaffCheckFor<A extends Access> = A extends { liveCheck: 'shared-read' }
  ? { staffCheck: StaffCheck }
  : unknown;

export type RequestFor<R extends RouteDefinition> = ApiRequest<
  CallerFor<R['access']>,
  BodyOf<R>,
  QueryOf<R>,
  PathParams<R['path']>
> &
  StaffCheckFor<R['access']>;

/** The implementations a function must provide: exactly one per row of its routes. */
export type RouteImplementations<Rows extends readonly RouteDefinition[]> = {
  [R in Rows[number] as R['id']]: (request: RequestFor<R>) => Promise<ApiResult>;
};
