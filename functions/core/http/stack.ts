/**
 * The handler builder of every function with signed-in routes: the shared
 * middy stack of api-handler.ts with the authorizer that checks tokens,
 * live memberships and staff items (authorize.ts).
 */
import { buildApiHandler } from './api-handler.ts';
import { authorize } from './authorize.ts';
import type { RouteDefinition } from './route.ts';
import type { RouteImplementations } from './types.ts';

export { parseIfMatch } from './api-handler.ts';

export const createApiHandler = <const Rows extends readonly RouteDefinition[]>(
  rows: Rows,
  implementations: NoInfer<RouteImplementations<Rows>>
) => buildApiHandler(rows, implementations, authorize);
