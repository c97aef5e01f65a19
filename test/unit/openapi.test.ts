import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEM } from '#core/platform/problem-types';
import { ROUTES } from '../../functions/routes.ts';
import { renderErrorsDocument } from '../../scripts/errors-doc.ts';
import { buildOpenApiDocument, renderOpenApiDocument } from '../../scripts/openapi.ts';

describe('OpenAPI document', () => {
  it('is current: docs/openapi.json equals what the route table generates (run npm run openapi)', async () => {
    // Prepare
    const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');

    // Act
    const generated = await renderOpenApiDocument();

    // Assess
    expect(committed).toBe(generated);
  });

  it('has one operation per route, public routes without security, staff routes with the staff pool', async () => {
    // Act
    const document = await buildOpenApiDocument();

    // Assess
    for (const route of ROUTES) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(operation?.operationId, route.id).toBe(route.id);
      if (route.access.kind === 'public') expect(operation?.security).toEqual([]);
      else if (route.access.kind === 'staff')
        expect(operation?.security).toEqual([{ cognitoStaff: [] }]);
      else expect(operation?.security).toBeUndefined();
    }
  });

  it('states who may call each operation, primary-only routes included, from the route rows', async () => {
    // Act
    const document = await buildOpenApiDocument();

    // Assess
    const primaryOnly: string[] = [];
    for (const route of ROUTES) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'] as
        | Record<string, unknown>
        | undefined;
      expect(operation?.['x-portico-access'], route.id).toEqual(route.access);
      if (route.access.kind === 'member' && 'primaryOnly' in route.access) {
        primaryOnly.push(route.id);
        expect(operation?.description, route.id).toContain('Primary login only');
      }
    }
    expect(primaryOnly).toEqual(
      expect.arrayContaining(['patchAccount', 'confirmAccountEmail', 'listAudit'])
    );
  });

  it('docs/errors.md is current: it equals what the problem catalogue generates (run npm run openapi)', () => {
    // Prepare
    const committed = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

    // Act
    const generated = renderErrorsDocument();

    // Assess
    expect(committed).toBe(generated);
  });

  it('gives every problem type a slug of its own, listed under its status', async () => {
    // Prepare
    const problems = Object.values(PROBLEM);

    // Act
    const document = await buildOpenApiDocument();
    const schemas = document.components?.schemas as Record<string, { allOf: unknown[] }>;
    const listed = (status: number) => JSON.stringify(schemas[`Problem${status}`]?.allOf[1]);

    // Assess
    expect(new Set(problems.map((problem) => problem.slug)).size).toBe(problems.length);
    for (const problem of problems.filter(({ status }) => ![405, 413].includes(status)))
      expect(listed(problem.status), problem.slug).toContain(
        `https://portico.example/problems/${problem.slug}"`
      );
  });
});
