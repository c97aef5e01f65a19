import * as z from 'zod';
import { areaSchema } from '#core/http/responses';
import type { ME_ROUTES } from './routes.ts';

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
        contactId: z.string(),
        supportScope: z.enum(['none', 'isolated', 'global']),
        assignedServiceIds: z.array(z.string()),
      })
    ),
    invitations: z.array(
      z.object({
        accountId: z.string(),
        accountName: z.string(),
        role: z.enum(['primary', 'sub-account']),
        permissions: z.array(areaSchema),
        invitedAt: z.string(),
      })
    ),
  })
  .meta({ id: 'Me' });

export const acceptedInvitationSchema = z
  .object({
    accountId: z.string(),
    role: z.enum(['primary', 'sub-account']),
    status: z.literal('active'),
    permissions: z.array(areaSchema),
  })
  .meta({ id: 'AcceptedInvitation' });

export const passwordSuggestionSchema = z
  .object({ password: z.string(), policy: z.object({ minLength: z.number() }).passthrough() })
  .meta({ id: 'PasswordSuggestion' });

export const staffMeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    email: z.string(),
    name: z.string(),
  })
  .meta({ id: 'StaffMe' });

export const ownEmailSchema = z
  .object({
    email: z.string(),
    pendingEmail: z.string().nullable(),
    expiresAt: z.string().optional(),
  })
  .meta({ id: 'OwnEmail' });

export const ME_RESPONSES = {
  startOwnEmailChange: ownEmailSchema,
  confirmOwnEmailChange: ownEmailSchema,
  getMe: meSchema,
  acceptInvitation: acceptedInvitationSchema,
  declineInvitation: null,
  suggestPassword: passwordSuggestionSchema,
  getStaffMe: staffMeSchema,
} satisfies Record<(typeof ME_ROUTES)[number]['id'], z.ZodType | null>;
