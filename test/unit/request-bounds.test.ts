import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { malformedPathId, PATH_PARAMETERS } from '#core/http/id-shapes';
import { PLAIN_TEXT_PATTERN, pageQuerySchema } from '#core/http/schemas';
import { sortableId } from '#core/platform/ids';
import { ROUTES } from '../../functions/routes.ts';
import { buildOpenApiDocument } from '../../scripts/openapi.ts';

describe('path ids', () => {
  it('have a shape for every path parameter of the route table', () => {
    // Act
    const names = ROUTES.flatMap((route) =>
      [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')
    );

    // Assess
    expect(names.filter((name) => !PATH_PARAMETERS[name])).toEqual([]);
  });

  it('accept the ids the API hands out and refuse what cannot be one', () => {
    // Prepare
    const handedOut = {
      accountId: randomUUID(),
      contactId: randomUUID(),
      ticketId: sortableId(),
      invoiceNumber: 'INV-2026.0001_a',
      kind: 'service',
      externalId: 'CRM:10042-a.b_c',
    };
    const malformed = [
      { accountId: 'a'.repeat(101) },
      { accountId: 'a b' },
      { contactId: '../x' },
      { ticketId: sortableId().toLowerCase() },
      { invoiceNumber: 'INV:1' },
      { kind: 'accounts' },
      { externalId: 'CRM/1' },
      { serviceId: '\u0000' },
    ];

    // Act & Assess
    expect(malformedPathId(handedOut)).toBeUndefined();
    for (const params of malformed) expect(malformedPathId(params)).toBe(Object.keys(params)[0]);
  });
});

describe('limit', () => {
  it('takes decimal digits within its range only, 25 when absent', () => {
    // Act
    const parsed = (limit?: string) =>
      pageQuerySchema.safeParse(limit === undefined ? {} : { limit });

    // Assess
    expect(parsed().data?.limit).toBe(25);
    expect(parsed('1').data?.limit).toBe(1);
    expect(parsed('100').data?.limit).toBe(100);
    for (const bad of ['0', '101', '1e2', ' 5', '-1', '0x10', '5.0', '0100', ''])
      expect(parsed(bad).success, bad).toBe(false);
  });

  it('is documented as an integer with its minimum, maximum and default on every list', async () => {
    // Act
    const document = await buildOpenApiDocument();
    const limits = Object.values(document.paths ?? {}).flatMap((item) =>
      Object.values(item ?? {}).flatMap(
        (operation) =>
          (operation as { parameters?: { name: string; schema: unknown }[] }).parameters?.filter(
            (parameter) => parameter.name === 'limit'
          ) ?? []
      )
    );

    // Assess
    expect(limits.length).toBeGreaterThan(5);
    for (const { schema } of limits) {
      expect(schema).toMatchObject({ type: 'integer', format: 'int32', minimum: 1 });
      expect(schema).toHaveProperty('maximum');
      expect(schema).toHaveProperty('default');
    }
  });
});

describe('the plain-text patterns', () => {
  /** The rule as docs and comments state it, code unit by code unit. */
  const forbidden = (code: number, kind: 'single-line' | 'multi-line') => {
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (control && kind === 'multi-line' && [0x09, 0x0a, 0x0d].includes(code)) return false;
    return control || (code >= 0x2028 && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  };

  it.each(['single-line', 'multi-line'] as const)(
    'refuse exactly the forbidden code units in %s text',
    (kind) => {
      // Act
      const differing: string[] = [];
      for (let code = 0; code <= 0xffff; code += 1) {
        const refused = !PLAIN_TEXT_PATTERN[kind].test(`a${String.fromCharCode(code)}b`);
        if (refused !== forbidden(code, kind)) differing.push(code.toString(16));
      }

      // Assess
      expect(differing).toEqual([]);
    }
  );
});
