import * as z from 'zod';
import { invoiceSchema } from '#core/http/responses';
import type { STAFF_ACCOUNT_ROUTES, STAFF_NOTICE_ROUTES, STAFF_ROUTES } from './routes.ts';

export const staffAccountSchema = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    status: z.enum(['active', 'suspended', 'closed']),
    contracts: z.array(z.string()),
    hostedDomains: z.array(z.string()),
    primaryContactId: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'StaffAccount' });

export const staffServiceSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    externalId: z.string(),
    type: z.enum(['hosting', 'vps', 'voip', 'serverhousing', 'domain']),
    label: z.string(),
    status: z.enum(['pending', 'active', 'suspended', 'cancelled']),
    contractNumber: z.string().optional(),
    server: z.string().optional(),
    ips: z.array(z.string()).optional(),
    version: z.number().int(),
  })
  .meta({ id: 'StaffService' });

const staffInvoiceSchema = z
  .object({ accountId: z.string(), ...invoiceSchema.shape, version: z.number().int() })
  .meta({ id: 'StaffInvoice' });

const staffAccountDetailSchema = z
  .object({
    ...staffAccountSchema.shape,
    primaryContact: z
      .object({
        id: z.string(),
        name: z.string(),
        email: z.string(),
        phone: z.string(),
        hasLogin: z.boolean(),
      })
      .nullable(),
    counts: z.object({
      contacts: z.number().int().meta({ description: 'Every contact, the primary included.' }),
      subAccounts: z.number().int().meta({ description: 'Contacts with a login of their own.' }),
    }),
  })
  .meta({ id: 'StaffAccountDetail' });

const count = (description: string) => z.number().int().meta({ description });

const noticeStatusSchema = z
  .object({
    id: z.string(),
    status: z.enum(['accepted', 'addressing', 'sending', 'done']).meta({
      description:
        '`accepted`: not yet addressed; `addressing`: accounts still to fan out; `sending`: mail queued; `done`.',
    }),
    category: z.enum(['general', 'product', 'domain']),
    scope: z.record(z.string(), z.unknown()).meta({ description: 'The scope as it was sent.' }),
    subject: z.string(),
    createdAt: z.string(),
    accounts: z.object({
      inScope: z.number().int().nullable().meta({ description: 'Null until addressed.' }),
      done: count('Accounts whose deliveries are written.'),
    }),
    recipients: count('Addresses mailed (a delivery each; suppressed ones included).'),
    sent: count('Accepted by SES.'),
    failed: count('Refused by SES for good.'),
    queued: count('Waiting for the mailer.'),
    skipped: z.object({
      total: count('Contacts not mailed, and suppressed addresses.'),
      reasons: z.object({
        categoryOff: count('The category is off in the contact’s preferences.'),
        loginSuspended: count('The contact’s login is suspended.'),
        notAssigned: count('Isolated support contact of none of the services in scope.'),
        noInvoiceAccess: count('The login may not read invoices.'),
        duplicateAddress: count('Another contact (of this or another account) has the address.'),
        suppressed: count('The address bounced or complained (logged, not sent).'),
      }),
    }),
  })
  .meta({ id: 'NoticeStatus' });

const noticeSummarySchema = z
  .object({
    id: z.string(),
    status: z.enum(['accepted', 'addressed']).meta({
      description:
        '`accepted`: not yet addressed; `addressed`: its accounts are known (how far the mail got: `GET /staff/notices/{id}`).',
    }),
    category: z.enum(['general', 'product', 'domain']),
    scope: z.record(z.string(), z.unknown()).meta({ description: 'The scope as it was sent.' }),
    subject: z.string(),
    createdAt: z.string(),
    createdBy: z.string().meta({ description: 'The staff login that sent it.' }),
    accounts: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Accounts in scope; null until addressed.' }),
  })
  .meta({ id: 'NoticeSummary' });

export const STAFF_RESPONSES = {
  getStaffAccount: staffAccountDetailSchema,
  findStaffAccounts: z
    .object({
      items: z.array(staffAccountSchema),
      cursor: z.string().nullable().meta({ description: 'Null on the last page.' }),
    })
    .meta({ id: 'StaffAccountPage' }),
  loadAccount: staffAccountSchema,
  loadService: staffServiceSchema,
  loadInvoice: staffInvoiceSchema,
  uploadInvoicePdf: staffInvoiceSchema,
  loadUsage: z
    .object({
      serviceId: z.string(),
      kind: z.enum(['calls', 'traffic']),
      loaded: z.number().int(),
    })
    .meta({ id: 'UsageLoaded' }),
  resolveExternalId: z
    .object({
      kind: z.enum(['account', 'service', 'invoice']),
      externalId: z.string(),
      accountId: z.string(),
      serviceId: z.string().optional(),
    })
    .meta({ id: 'ExternalIdTarget' }),
  createNotice: z
    .object({ id: z.string(), status: z.enum(['accepted']) })
    .meta({ id: 'NoticeAccepted' }),
  listNotices: z
    .object({
      items: z.array(noticeSummarySchema),
      cursor: z.string().nullable().meta({ description: 'Null on the last page.' }),
    })
    .meta({ id: 'NoticePage' }),
  getNotice: noticeStatusSchema,
} satisfies Record<
  (typeof STAFF_ROUTES | typeof STAFF_ACCOUNT_ROUTES | typeof STAFF_NOTICE_ROUTES)[number]['id'],
  z.ZodType | null
>;
