import { z } from 'zod';
import { areaSchema } from '#core/schemas';

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
