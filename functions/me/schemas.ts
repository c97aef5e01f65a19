import * as z from 'zod/mini';
import { emailSchema, mailedCodeSchema } from '#core/http/schemas';

export const ownEmailChangeSchema = z
  .strictObject({ email: emailSchema })
  .register(z.globalRegistry, { id: 'OwnEmailChange' });

export const ownEmailConfirmationSchema = z
  .strictObject({ code: mailedCodeSchema })
  .register(z.globalRegistry, { id: 'OwnEmailConfirmation' });
