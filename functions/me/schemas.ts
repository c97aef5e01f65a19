import * as z from 'zod/mini';

export const ownEmailChangeSchema = z
  .strictObject({
    email: z.pipe(
      z.string().check(z.trim(), z.maxLength(254)),
      z.email('Enter a valid email address.')
    ),
  })
  .register(z.globalRegistry, { id: 'OwnEmailChange' });

export const ownEmailConfirmationSchema = z
  .strictObject({
    code: z.string().check(z.regex(/^\d{6}$/, 'Enter the 6-digit code from the email.')),
  })
  .register(z.globalRegistry, { id: 'OwnEmailConfirmation' });
