import type * as z from 'zod/mini';
import type {
  AnonymousCaller,
  Caller,
  LoginCaller,
  MemberCaller,
  StaffCaller,
  StaffCheck,
} from '../access/caller.ts';
import type { Access, RouteDefinition } from './route.ts';

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
  : R extends { formBody: () => Promise<infer S extends z.ZodMiniType> }
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
