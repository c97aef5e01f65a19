import * as z from 'zod/mini';
import { fieldRule } from '#core/http/field-rules';
import {
  atMost,
  contactLanguageSchema,
  emailPreferencesPatchSchema,
  ownDetailsPatchFields,
  personFields,
  somethingToChange,
  trimmedText,
  versionSchema,
} from '#core/http/schemas';
import { UNSUBSCRIBE_TOKEN_MAX } from '#core/mail/unsubscribe-token';

const kind = z.enum(['individual', 'organisation']);
const supportScope = z.enum(['none', 'isolated', 'global']);

const organisationNeedsCompany = fieldRule<{ kind?: string; companyName?: string | null }>(
  'required',
  (body) => body.kind !== 'organisation' || !!body.companyName,
  'An organisation needs a company name.',
  { path: ['companyName'] }
);

export const createContactSchema = z
  .strictObject({
    kind: z._default(kind, 'individual'),
    firstName: personFields.firstName,
    lastName: personFields.lastName,
    companyName: z.optional(personFields.companyName),
    taxId: z.optional(trimmedText(50)),
    email: personFields.email,
    phone: personFields.phone,
    address: personFields.address,
    language: z._default(contactLanguageSchema, 'en'),
    emailPreferences: z.optional(emailPreferencesPatchSchema),
    supportScope: z._default(supportScope, 'none'),
  })
  .check(organisationNeedsCompany)
  .register(z.globalRegistry, { id: 'ContactCreate' });

export type ContactCreate = z.output<typeof createContactSchema>;

export const patchContactSchema = z
  .strictObject({
    kind: z.optional(kind),
    ...ownDetailsPatchFields,
    taxId: z.optional(z.nullable(trimmedText(50))),
    email: z.optional(personFields.email),
    supportScope: z.optional(supportScope),
    version: z.optional(versionSchema),
  })
  .check(somethingToChange)
  .register(z.globalRegistry, { id: 'ContactPatch' });

export type ContactPatch = z.output<typeof patchContactSchema>;

/**
 * What a login may change of its own contact without the `contacts` area:
 * its name, phone, address, language and email preferences; never its support scope,
 * permissions or login email (that is /me/email-change).
 */
export const ownContactPatchSchema = z
  .strictObject({
    ...ownDetailsPatchFields,
    version: z.optional(versionSchema),
  })
  .check(somethingToChange)
  .register(z.globalRegistry, { id: 'OwnContactPatch' });

/**
 * `?token=` of an unsubscribe link: only its alphabet and length here, so a
 * token cut short or altered gets the link's own answer
 * (`invalid-unsubscribe-link`), not a field error.
 */
export const unsubscribeQuerySchema = z
  .strictObject({
    token: z
      .string()
      .check(
        atMost(UNSUBSCRIBE_TOKEN_MAX, 'The link is not valid.'),
        z.regex(/^[A-Za-z0-9_.-]+$/, 'The link is not valid.')
      ),
  })
  .register(z.globalRegistry, { id: 'UnsubscribeQuery' });

/** RFC 8058's one-click body: exactly `List-Unsubscribe=One-Click`. */
export const oneClickUnsubscribeSchema = z
  .strictObject({ 'List-Unsubscribe': z.literal('One-Click') })
  .register(z.globalRegistry, { id: 'OneClickUnsubscribe' });
