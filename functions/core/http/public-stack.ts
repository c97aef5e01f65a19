/**
 * The handler builder of a function that serves public routes only: the
 * same middy stack, with an authorizer that needs no table, so the function
 * starts with no table name and no grant (see authorize-public.ts).
 */
import { buildApiHandler } from './api-handler.ts';
import { authorizePublic } from './authorize-public.ts';
import type { RouteDefinition } from './route.ts';
import type { RouteImplementations } from './types.ts';

type PublicRoute = RouteDefinition & { access: { kind: 'public' } };

export const createPublicApiHandler = <const Rows extends readonly PublicRoute[]>(
  rows: Rows,
  implementations: NoInfer<RouteImplementations<Rows>>
) =>
  buildApiHandler(rows, implementations, () => ({
    before: ({ event, context }) => authorizePublic.before(event, context),
  }));
