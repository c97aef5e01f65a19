import * as z from 'zod';
import { areaSchema } from '#core/responses';
import type { ME_ROUTES } from './routes.ts';

export const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    accounts: z.array(
      z.object({
        accountId: z.string(),
        accountName: z.string(),
        role: z.enum(['primary', 'sub-account']),
        status: z.enum(['active', 'suspended']),
        permissions: z.array(areaSchema),
      })
    ),
  })
  .meta({ id: 'Me' });

export const ME_RESPONSES = { getMe: meSchema } satisfies Record<
  (typeof ME_ROUTES)[number]['id'],
  z.ZodType | null
>;
