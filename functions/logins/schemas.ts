import * as z from 'zod/mini';
import { fieldRule } from '#core/http/field-rules';
import { emailSchema, plainText } from '#core/http/schemas';
import { AREAS } from '#core/rules/permissions';

const areas = z.array(z.enum(AREAS)).check(z.maxLength(AREAS.length));

/** Exactly one of `permissions` / `preset`; at most one of `password` / `invite`. */
export const putSubAccountSchema = z
  .strictObject({
    permissions: z.optional(areas),
    preset: z.optional(z.literal('full')),
    password: z.optional(
      z.string().check(
        z.maxLength(256, { message: 'At most 256 characters.', abort: true }),
        // The policy (core/access/passwords.ts) says what else is missing; this much Cognito never takes.
        z.regex(/^\S(?:[\s\S]*\S)?$/, 'No leading or trailing space.')
      )
    ),
    invite: z.optional(z.literal(true)),
  })
  .check(
    fieldRule(
      'either_or',
      (body: { permissions?: unknown; preset?: unknown }) =>
        (body.permissions === undefined) !== (body.preset === undefined),
      'Send either `permissions` or `preset: "full"`.',
      { path: ['permissions'] }
    ),
    fieldRule(
      'either_or',
      (body: { password?: unknown; invite?: unknown }) =>
        !(body.password !== undefined && body.invite !== undefined),
      'Send either `password` or `invite: true`, not both.',
      { path: ['password'] }
    )
  )
  .register(z.globalRegistry, { id: 'SubAccountPut' });

export type SubAccountPut = z.output<typeof putSubAccountSchema>;

export const patchSubAccountSchema = z
  .strictObject({ status: z.enum(['active', 'suspended']) })
  .register(z.globalRegistry, { id: 'SubAccountPatch' });

export const accountRequestSchema = z
  .strictObject({
    contractNumber: z
      .string()
      .check(
        plainText('single-line'),
        z.trim(),
        z.minLength(1, 'Enter your contract number.'),
        z.maxLength(40)
      ),
    email: emailSchema,
  })
  .register(z.globalRegistry, { id: 'AccountRequest' });
