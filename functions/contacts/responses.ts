import * as z from 'zod';
import { contactSchema } from '#core/http/responses';
import { PREFERENCE_CATEGORIES } from '#core/rules/mail-categories';
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

export const unsubscribeLinkSchema = z
  .object({
    category: z.enum(PREFERENCE_CATEGORIES),
    address: z.string().meta({ description: 'The contact’s address, masked: `j***@example.com`.' }),
    subscribed: z.boolean().meta({ description: 'Whether the contact receives the category now.' }),
  })
  .meta({ id: 'UnsubscribeLink' });

export const CONTACT_RESPONSES = {
  listContacts: contactPageSchema,
  createContact: contactWithWarningsSchema,
  getContact: contactSchema,
  patchContact: contactWithWarningsSchema,
  deleteContact: null,
  getOwnContact: contactSchema,
  patchOwnContact: contactWithWarningsSchema,
  getUnsubscribe: unsubscribeLinkSchema,
  postUnsubscribe: unsubscribeLinkSchema,
} satisfies Record<(typeof CONTACT_ROUTES)[number]['id'], z.ZodType | null>;
