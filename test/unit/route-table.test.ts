import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKnownArea } from '#core/permissions';
import { FUNCTION_NAMES, ROUTES } from '../../functions/routes.ts';

describe('route table', () => {
  it('gives every route a declared access, and every member route a known area', () => {
    for (const route of ROUTES) {
      // Assess
      expect(['public', 'login', 'member', 'staff'], route.id).toContain(route.access.kind);
      // Staff routes and only they live under /staff/, where only staff tokens are accepted.
      expect(route.path.startsWith('/staff/'), route.id).toBe(route.access.kind === 'staff');
      if (route.access.kind === 'member') {
        expect(isKnownArea(route.access.area), route.id).toBe(true);
        expect(route.path, route.id).toMatch(/^\/accounts\/\{accountId\}/);
      }
    }
  });

  it('has unique ids and unique method + path pairs', () => {
    // Act
    const ids = ROUTES.map((route) => route.id);
    const keys = ROUTES.map((route) => `${route.method} ${route.path}`);

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names only functions that have a handler folder', () => {
    // Prepare
    const folders = readdirSync(new URL('../../functions', import.meta.url));

    // Assess
    for (const name of FUNCTION_NAMES) expect(folders).toContain(name);
  });
});
