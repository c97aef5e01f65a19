import type { Context } from 'aws-lambda';
import type { Caller } from './types.ts';

/** What Portico's middlewares add to the Lambda context for the route function. */
export interface PorticoContext extends Context {
  caller?: Caller;
  body?: unknown;
  query?: unknown;
}
