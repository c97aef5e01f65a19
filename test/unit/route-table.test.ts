import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKnownArea } from '#core/rules/permissions';
import { authorizerOf, FUNCTION_NAMES, ROUTES } from '../../functions/routes.ts';

describe('route table', () => {
  it('gives every route a declared access, and every member route a known area', () => {
    for (const route of ROUTES) {
      // Assess
      expect(['public', 'login', 'member', 'self', 'staff'], route.id).toContain(route.access.kind);
      if (route.access.kind === 'member') {
        expect(isKnownArea(route.access.area), route.id).toBe(true);
        expect(route.path, route.id).toMatch(/^\/accounts\/\{accountId\}/);
      }
      // Only staff routes live under /staff/, and every staff route does.
      expect(route.path.startsWith('/staff/'), route.id).toBe(route.access.kind === 'staff');
    }
  });

  it('gives every /staff/ path the staff access kind, and no staff route lives elsewhere', () => {
    // Prepare
    const underStaff = (path: string) => path.startsWith('/staff/');

    // Act
    const misplaced = ROUTES.filter(
      (route) => underStaff(route.path) !== (route.access.kind === 'staff')
    ).map((route) => `${route.id} ${route.path} (${route.access.kind})`);

    // Assess
    expect(misplaced).toEqual([]);
    expect(ROUTES.some((route) => route.access.kind === 'staff')).toBe(true);
  });

  it('chooses the staff authorizer for staff routes only, none for public ones', () => {
    // Act
    const kinds = ROUTES.map((route) => [route.id, route.access.kind, authorizerOf(route.access)]);

    // Assess
    for (const [id, access, authorizer] of kinds) {
      const expected = access === 'public' ? 'none' : access === 'staff' ? 'staff' : 'client';
      expect(authorizer, id).toBe(expected);
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
