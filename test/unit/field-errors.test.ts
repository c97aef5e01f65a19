import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fieldRule } from '#core/http/field-rules';
import {
  countrySchema,
  emailSchema,
  instantSchema,
  ipAddressSchema,
  queryInteger,
  trimmedText,
  wholeNumber,
} from '#core/http/schemas';
import { FIELD_CODES, toFieldErrors } from '#core/platform/field-errors';
import { ROUTES, type RouteDefinition } from '../../functions/routes.ts';

/** The field errors of `body` against `schema` (none when it passes). */
const errorsOf = (schema: z.ZodMiniType, body: unknown) => {
  const result = schema.safeParse(body, { reportInput: true });
  return result.success ? [] : toFieldErrors(result.error.issues);
};

type Node = { _zod: { def: Record<string, unknown> } };

/** Every refinement (`custom` check) in a schema, with where it sits. */
const refinementsOf = (node: unknown, where: string, seen = new Set<unknown>()): string[] => {
  if (seen.has(node)) return [];
  seen.add(node);
  const def = (node as Node)._zod.def;
  const found: string[] = [];
  for (const check of (def.checks ?? []) as Node[]) {
    const checkDef = check._zod.def;
    if (checkDef.check !== 'custom') continue;
    const code = (checkDef.params as { code?: string } | undefined)?.code;
    if (!FIELD_CODES.includes(code as never)) found.push(`${where}: ${code ?? 'no code'}`);
  }
  const children: [string, unknown][] = [
    ...Object.entries((def.shape ?? {}) as Record<string, unknown>).map(
      ([key, value]): [string, unknown] => [`${where}.${key}`, value]
    ),
    ...['innerType', 'in', 'out', 'element', 'keyType', 'valueType'].map(
      (key): [string, unknown] => [where, def[key]]
    ),
    ...((def.options ?? []) as unknown[]).map((option): [string, unknown] => [where, option]),
  ];
  for (const [path, child] of children) {
    if (child && typeof child === 'object' && '_zod' in child)
      found.push(...refinementsOf(child, path, seen));
  }
  return found;
};

describe('field error codes', () => {
  it('every refinement in a request schema names a known code', async () => {
    // Prepare
    const schemas: [string, unknown][] = [];
    for (const route of ROUTES as readonly RouteDefinition[]) {
      if (route.body) schemas.push([`${route.id} body`, await route.body()]);
      if (route.query) schemas.push([`${route.id} query`, await route.query()]);
    }

    // Act
    const uncoded = schemas.flatMap(([where, schema]) => refinementsOf(schema, where));

    // Assess
    expect(schemas.length).toBeGreaterThan(20);
    expect(uncoded).toEqual([]);
  });

  it('the walk finds a refinement without a code', () => {
    // Prepare
    const schema = z.strictObject({
      name: z.string().check(z.refine((name) => name !== 'x', 'Not x.')),
      other: z.string().check(fieldRule('pattern', (text: string) => text !== 'y', 'Not y.')),
    });

    // Act
    const uncoded = refinementsOf(schema, 'sample');

    // Assess
    expect(uncoded).toEqual(['sample.name: no code']);
  });

  it('maps missing, unknown, too long and too short fields', () => {
    // Prepare
    const schema = z.strictObject({ name: trimmedText(5), city: trimmedText(20) });

    // Act
    const errors = errorsOf(schema, { name: 'Alexandra', city: '  ', extra: 1 });
    const missing = errorsOf(schema, { city: 'Leeds' });

    // Assess
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', code: 'unknown_field', message: 'This field is not allowed.' },
        { field: 'name', code: 'too_long', maximum: 5, message: 'At most 5 characters.' },
        { field: 'city', code: 'too_short', minimum: 1, message: 'Must not be empty.' },
      ])
    );
    expect(missing).toEqual([
      { field: 'name', code: 'required', message: 'This field is required.' },
    ]);
  });

  it('lists the allowed values of an enum, and the bounds of a number', () => {
    // Prepare
    const schema = z.strictObject({
      scope: z.enum(['none', 'isolated', 'global']),
      count: wholeNumber(1, 10),
    });

    // Act
    const errors = errorsOf(schema, { scope: 'everything', count: 11 });
    const fraction = errorsOf(schema, { scope: 'none', count: 1.5 });
    const none = errorsOf(schema, { scope: 'none', count: 0 });

    // Assess
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'scope',
        code: 'not_allowed',
        allowed: ['none', 'isolated', 'global'],
      }),
      expect.objectContaining({ field: 'count', code: 'too_big', maximum: 10 }),
    ]);
    expect(fraction).toEqual([
      { field: 'count', code: 'not_integer', message: 'Use a whole number.' },
    ]);
    expect(none).toEqual([expect.objectContaining({ code: 'too_small', minimum: 1 })]);
  });

  it('gives formats and plain-text rules their own codes', () => {
    // Prepare
    const schema = z.strictObject({
      name: trimmedText(50),
      email: emailSchema,
      ip: ipAddressSchema,
      odd: ipAddressSchema,
      at: instantSchema,
      day: instantSchema,
      country: countrySchema,
      wrong: countrySchema,
    });

    // Act
    const errors = errorsOf(schema, {
      name: 'Alex\u202eMorgan',
      email: 'not-an-address',
      ip: '999.1.1.1',
      odd: 'x y',
      at: '2026-02-30',
      day: 'yesterday',
      country: 'XX',
      wrong: 'GBR',
    });

    // Assess
    expect(Object.fromEntries(errors.map((error) => [error.field, error.code]))).toEqual({
      name: 'control_characters',
      email: 'invalid_email',
      ip: 'invalid_ip',
      odd: 'invalid_ip',
      at: 'invalid_date',
      day: 'invalid_date',
      country: 'invalid_country',
      wrong: 'too_long',
    });
  });

  it('reads query integers as numbers with their bounds', () => {
    // Prepare
    const schema = z.strictObject({ limit: queryInteger(1, 100, 25) });

    // Act
    const codes = ['abc', '0', '101', '1000'].map((limit) => errorsOf(schema, { limit })[0]?.code);
    const big = errorsOf(schema, { limit: '101' })[0];

    // Assess
    expect(codes).toEqual(['not_integer', 'too_small', 'too_big', 'too_big']);
    expect(big).toMatchObject({ maximum: 100 });
  });

  it('a refinement without a code still answers, as `invalid`', () => {
    // Prepare
    const schema = z.string().check(z.refine((text) => text !== 'x', 'Not x.'));

    // Act
    const errors = errorsOf(schema, 'x');

    // Assess
    expect(errors).toEqual([{ field: '(body)', code: 'invalid', message: 'Not x.' }]);
  });
});
