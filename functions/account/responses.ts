import * as z from 'zod';
import { EMAIL_LOG_STATUSES } from '#core/entities/email-log';
import { contactSchema } from '#core/http/responses';
import { MAIL_CATEGORIES } from '#core/rules/mail-categories';
import type { ACCOUNT_ROUTES } from './routes.ts';

export const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'suspended', 'closed']),
    contracts: z.array(z.string()),
    primaryContact: contactSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Account' });

export const auditPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        actor: z.union([
          z.object({ kind: z.literal('login'), loginId: z.string(), name: z.string() }),
          z
            .object({ kind: z.literal('staff'), name: z.literal('Helpdesk') })
            .meta({ description: 'Any operator or helpdesk member: customers never see who.' }),
          z
            .object({
              kind: z.literal('contact'),
              via: z.literal('unsubscribe-link'),
              name: z.string(),
            })
            .meta({
              description:
                'The contact the entry targets, itself, through the unsubscribe link of a mail it received.',
            }),
        ]),
        action: z.string(),
        target: z.string(),
        changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
      })
    ),
    cursor: z.string().nullable(),
  })
  .meta({ id: 'AuditPage' });

export const emailLogPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        at: z.string().meta({ description: 'When the mail was queued (ISO 8601, UTC).' }),
        to: z.string(),
        contactId: z.string().optional(),
        category: z.enum(MAIL_CATEGORIES),
        subject: z.string(),
        status: z.enum(EMAIL_LOG_STATUSES),
      })
    ),
    cursor: z.string().nullable(),
  })
  .meta({ id: 'EmailLogPage' });

export const ACCOUNT_RESPONSES = {
  getAccount: accountSchema,
  patchAccount: accountSchema,
  confirmAccountEmail: accountSchema,
  listAudit: auditPageSchema,
  listEmails: emailLogPageSchema,
  listContactEmails: emailLogPageSchema,
  listOwnEmails: emailLogPageSchema,
} satisfies Record<(typeof ACCOUNT_ROUTES)[number]['id'], z.ZodType | null>;
