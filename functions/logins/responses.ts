import * as z from 'zod';
import { contactSchema } from '#core/http/responses';
import type { LOGIN_ROUTES } from './routes.ts';

export const LOGIN_RESPONSES = {
  requestAccount: z
    .object({ status: z.literal('received'), message: z.string() })
    .meta({ id: 'AccountRequestReceived' }),
  putSubAccount: contactSchema,
  patchSubAccount: contactSchema,
  deleteSubAccount: null,
} satisfies Record<(typeof LOGIN_ROUTES)[number]['id'], z.ZodType | null>;
