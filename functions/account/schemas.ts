import * as z from 'zod/mini';
import {
  mailedCodeSchema,
  ownDetailsPatchFields,
  personFields,
  somethingToChange,
  versionSchema,
} from '#core/http/schemas';

/** "My Details": any of the primary contact's own fields, plus an optional version check. */
export const patchMyDetailsSchema = z
  .strictObject({
    // The primary still gets every ticket mail whatever `emailPreferences.support` says.
    ...ownDetailsPatchFields,
    email: z.optional(personFields.email),
    version: z.optional(versionSchema),
  })
  .check(somethingToChange)
  .register(z.globalRegistry, { id: 'MyDetailsPatch' });

export type MyDetailsPatch = z.infer<typeof patchMyDetailsSchema>;

export const confirmEmailChangeSchema = z
  .strictObject({ code: mailedCodeSchema })
  .register(z.globalRegistry, { id: 'EmailChangeConfirmation' });
