import { z } from 'zod';
import { contactSchema, personFields } from '#core/schemas';

export const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'suspended', 'closed']),
    contracts: z.array(z.string()),
    primaryContact: contactSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Account' });

/** "My Details": any of the primary contact's own fields, plus an optional version check. */
export const patchMyDetailsSchema = z
  .strictObject({
    firstName: personFields.firstName.optional(),
    lastName: personFields.lastName.optional(),
    companyName: personFields.companyName.nullable(),
    email: personFields.email.optional(),
    phone: personFields.phone.optional(),
    address: personFields.address.optional(),
    version: z.number().int().nonnegative().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Send at least one field to change.',
  })
  .meta({ id: 'MyDetailsPatch' });

export type MyDetailsPatch = z.infer<typeof patchMyDetailsSchema>;

export const confirmEmailChangeSchema = z
  .strictObject({
    code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from the email.'),
  })
  .meta({ id: 'EmailChangeConfirmation' });
