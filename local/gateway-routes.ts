/**
 * Route matching as the HTTP API does it: `{name}` matches one path segment,
 * `{name+}` the rest of the path, and a more specific template (more literal
 * segments) wins over a less specific one.
 */
import type { RouteDefinition } from '../functions/routes.ts';

interface CompiledRoute<R extends RouteDefinition> {
  route: R;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

export type RouteMatch<R extends RouteDefinition = RouteDefinition> =
  | { kind: 'found'; route: R; pathParameters: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compile = <R extends RouteDefinition>(route: R): CompiledRoute<R> => {
  const names: string[] = [];
  let literalSegments = 0;
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(segment);
      if (!param) {
        if (segment) literalSegments += 1;
        return escapeRegExp(segment);
      }
      names.push(param[1] ?? '');
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names, literalSegments };
};

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // malformed escapes reach the handler as sent
  }
};

export const createRouteMatcher = <R extends RouteDefinition>(routes: readonly R[]) => {
  const compiled = routes
    .map(compile)
    .sort((a, b) => b.literalSegments - a.literalSegments || a.names.length - b.names.length);

  return (method: string, path: string): RouteMatch<R> => {
    const allow = new Set<string>();
    for (const candidate of compiled) {
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      if (candidate.route.method !== method) {
        allow.add(candidate.route.method);
        continue;
      }
      const pathParameters = Object.fromEntries(
        candidate.names.map((name, i) => [name, decode(match[i + 1] ?? '')])
      );
      return { kind: 'found', route: candidate.route, pathParameters };
    }
    return allow.size > 0
      ? { kind: 'method-not-allowed', allow: [...allow].sort() }
      : { kind: 'not-found' };
  };
};
