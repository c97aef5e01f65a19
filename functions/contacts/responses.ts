import * as z from 'zod';
import { contactSchema } from '#core/http/responses';
import type { CONTACT_ROUTES } from './routes.ts';

const warningsSchema = z
  .array(z.object({ code: z.string(), message: z.string() }))
  .meta({ description: 'Advice that did not stop the change, e.g. `no-external-email`.' });

export const contactWithWarningsSchema = z
  .object({ ...contactSchema.shape, warnings: warningsSchema })
  .meta({ id: 'ContactWithWarnings' });

export const contactPageSchema = z
  .object({ items: z.array(contactSchema), cursor: z.string().nullable() })
  .meta({ id: 'ContactPage' });

export const CONTACT_RESPONSES = {
  listContacts: contactPageSchema,
  createContact: contactWithWarningsSchema,
  getContact: contactSchema,
  patchContact: contactWithWarningsSchema,
  deleteContact: null,
  getOwnContact: contactSchema,
  patchOwnContact: contactWithWarningsSchema,
} satisfies Record<(typeof CONTACT_ROUTES)[number]['id'], z.ZodType | null>;
