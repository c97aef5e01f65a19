import type { Context } from 'aws-lambda';
import type { Caller, StaffCheck } from '../access/caller.ts';

/** What Portico's middlewares add to the Lambda context for the route function. */
export interface PorticoContext extends Context {
  caller?: Caller;
  /** Set for `liveCheck: 'shared-read'` staff routes; `done` once the check has passed. */
  staffCheck?: StaffCheck & { readonly done: boolean };
  body?: unknown;
  query?: unknown;
}
