import * as z from 'zod';
import { contactSchema } from '#core/responses';
import type { LOGIN_ROUTES } from './routes.ts';

export const LOGIN_RESPONSES = {
  requestAccount: z
    .object({ status: z.literal('received'), message: z.string() })
    .meta({ id: 'AccountRequestReceived' }),
  putSubAccount: z
    .object({ ...contactSchema.shape, linkedExistingLogin: z.boolean() })
    .meta({ id: 'ContactWithSubAccount' }),
  patchSubAccount: contactSchema,
  deleteSubAccount: null,
} satisfies Record<(typeof LOGIN_ROUTES)[number]['id'], z.ZodType | null>;
