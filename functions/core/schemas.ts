/**
 * Shared zod schemas for the API's resources. Request schemas are strict
 * (unknown fields fail) and the same schemas feed the OpenAPI document.
 */
import { z } from 'zod';
import { ISO_COUNTRY_CODES } from './iso-countries.ts';
import { AREAS } from './permissions.ts';

const trimmed = (max: number) => z.string().trim().min(1, 'Must not be empty.').max(max);

/** E.164: a plus, a non-zero country digit, then 6 to 14 more digits. */
export const phoneSchema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'Use international E.164 format, for example +441632960961.')
  .meta({ example: '+441632960961' });

export const emailSchema = z
  .email('Enter a valid email address.')
  .max(254)
  .transform((value) => value.trim())
  .meta({ example: 'owner@demo.example' });

export const countrySchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .refine((value) => ISO_COUNTRY_CODES.has(value), 'Use an ISO 3166-1 alpha-2 country code.')
  .meta({ example: 'GB' });

export const addressSchema = z
  .strictObject({
    line1: trimmed(200),
    line2: trimmed(200).optional(),
    city: trimmed(100),
    region: trimmed(100).optional(),
    postcode: trimmed(20),
    country: countrySchema,
  })
  .meta({ id: 'Address' });

export const personFields = {
  firstName: trimmed(100),
  lastName: trimmed(100),
  companyName: trimmed(200).optional(),
  email: emailSchema,
  phone: phoneSchema,
  address: addressSchema,
};

export const areaSchema = z.enum(AREAS);

export const emailPreferencesSchema = z
  .strictObject({
    general: z.boolean(),
    product: z.boolean(),
    domain: z.boolean(),
    invoice: z.boolean(),
    support: z.boolean(),
  })
  .meta({ id: 'EmailPreferences' });

export const contactSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['individual', 'organisation']),
    firstName: z.string(),
    lastName: z.string(),
    companyName: z.string().optional(),
    taxId: z.string().optional(),
    email: z.string(),
    pendingEmail: z.string().optional().meta({
      description:
        'A new login email sent a confirmation code; it replaces `email` once confirmed.',
    }),
    phone: z.string(),
    address: addressSchema,
    emailPreferences: emailPreferencesSchema,
    supportScope: z.enum(['none', 'isolated', 'global']),
    subAccount: z
      .object({
        status: z.enum(['active', 'suspended', 'invited']),
        permissions: z.array(areaSchema),
      })
      .nullable(),
    isPrimary: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Contact' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    area: areaSchema.optional(),
    allowedAreas: z.array(areaSchema).optional(),
    grantedBy: z.object({ name: z.string() }).optional(),
  })
  .meta({ id: 'Problem' });
