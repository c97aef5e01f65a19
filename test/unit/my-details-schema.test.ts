import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '#core/platform/field-errors';
import { patchMyDetailsSchema } from '../../functions/account/schemas.ts';

const fieldsOf = (body: unknown) => {
  const result = patchMyDetailsSchema.safeParse(body);
  return result.success ? [] : toFieldErrors(result.error.issues).map((error) => error.field);
};

describe('patchMyDetailsSchema', () => {
  it('accepts a valid change of phone and address', () => {
    // Act
    const result = patchMyDetailsSchema.safeParse({
      phone: '+31201234567',
      address: { line1: 'Keizersgracht 1', city: 'Amsterdam', postcode: '1015 CJ', country: 'nl' },
    });

    // Assess
    expect(result.success).toBe(true);
    expect(result.data?.address?.country).toBe('NL');
  });

  it('names each invalid field', () => {
    // Act
    const fields = fieldsOf({
      phone: '020 123 4567',
      email: 'not-an-email',
      address: { line1: '', city: 'X', postcode: '1', country: 'ZZ' },
    });

    // Assess
    expect(fields).toEqual(
      expect.arrayContaining(['phone', 'email', 'address.line1', 'address.country'])
    );
  });

  it('rejects fields a client must never set, by name', () => {
    // Act
    const fields = fieldsOf({ firstName: 'Eve', role: 'primary', permissions: ['invoices'] });

    // Assess
    expect(fields).toEqual(expect.arrayContaining(['role', 'permissions']));
  });

  it('rejects an empty change', () => {
    // Act
    const fields = fieldsOf({ version: 3 });

    // Assess
    expect(fields).toEqual(['(body)']);
  });

  it('allows clearing the optional company name with null', () => {
    // Act
    const result = patchMyDetailsSchema.safeParse({ companyName: null });

    // Assess
    expect(result.success).toBe(true);
  });
});
