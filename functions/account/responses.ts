import * as z from 'zod';
import { contactSchema } from '#core/responses';
import type { ACCOUNT_ROUTES } from './routes.ts';

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

export const ACCOUNT_RESPONSES = {
  getAccount: accountSchema,
  patchAccount: accountSchema,
  confirmAccountEmail: accountSchema,
} satisfies Record<(typeof ACCOUNT_ROUTES)[number]['id'], z.ZodType | null>;
