import * as z from 'zod/mini';
import { AREAS } from '#core/permissions';

const areas = z.array(z.enum(AREAS)).check(z.maxLength(AREAS.length));

/** Exactly one of `permissions` / `preset`; at most one of `password` / `invite`. */
export const putSubAccountSchema = z
  .strictObject({
    permissions: z.optional(areas),
    preset: z.optional(z.literal('full')),
    password: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
    invite: z.optional(z.literal(true)),
  })
  .check(
    z.refine((body) => (body.permissions === undefined) !== (body.preset === undefined), {
      message: 'Send either `permissions` or `preset: "full"`.',
      path: ['permissions'],
    }),
    z.refine((body) => !(body.password !== undefined && body.invite !== undefined), {
      message: 'Send either `password` or `invite: true`, not both.',
      path: ['password'],
    })
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
      .check(z.trim(), z.minLength(1, 'Enter your contract number.'), z.maxLength(40)),
    email: z.pipe(
      z.string().check(z.trim(), z.maxLength(254)),
      z.email('Enter a valid email address.')
    ),
  })
  .register(z.globalRegistry, { id: 'AccountRequest' });
