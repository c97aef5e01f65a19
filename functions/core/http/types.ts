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
export type Caller = AnonymousCaller | LoginCaller | MemberCaller | StaffCaller;

type CallerFor<A extends Access> = A extends { kind: 'member' }
  ? MemberCaller
  : A extends { kind: 'login' }
    ? LoginCaller
    : A extends { kind: 'staff' }
      ? StaffCaller
      : AnonymousCaller;

export interface ApiRequest<C extends Caller = Caller, B = unknown, Q = Record<string, string>> {
  caller: C;
  params: Record<string, string>;
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
  : undefined;
type QueryOf<R> = R extends { query: () => Promise<infer S extends z.ZodMiniType> }
  ? z.output<S>
  : Record<string, string>;

export type RequestFor<R extends RouteDefinition> = ApiRequest<
  CallerFor<R['access']>,
  BodyOf<R>,
  QueryOf<R>
>;

/** The implementations a function must provide: exactly one per row of its routes. */
export type RouteImplementations<Rows extends readonly RouteDefinition[]> = {
  [R in Rows[number] as R['id']]: (request: RequestFor<R>) => Promise<ApiResult>;
};
