import * as z from 'zod/mini';
import {
  contactLanguageSchema,
  emailPreferencesPatchSchema,
  mailedCodeSchema,
  personFields,
  somethingToChange,
  versionSchema,
} from '#core/http/schemas';

/** "My Details": any of the primary contact's own fields, plus an optional version check. */
export const patchMyDetailsSchema = z
  .strictObject({
    firstName: z.optional(personFields.firstName),
    lastName: z.optional(personFields.lastName),
    companyName: z.optional(z.nullable(personFields.companyName)),
    email: z.optional(personFields.email),
    phone: z.optional(personFields.phone),
    address: z.optional(personFields.address),
    language: z.optional(contactLanguageSchema),
    /** The primary still gets every ticket mail whatever `support` says (docs/notifications.md). */
    emailPreferences: z.optional(emailPreferencesPatchSchema),
    version: z.optional(versionSchema),
  })
  .check(somethingToChange)
  .register(z.globalRegistry, { id: 'MyDetailsPatch' });

export type MyDetailsPatch = z.infer<typeof patchMyDetailsSchema>;

export const confirmEmailChangeSchema = z
  .strictObject({ code: mailedCodeSchema })
  .register(z.globalRegistry, { id: 'EmailChangeConfirmation' });
