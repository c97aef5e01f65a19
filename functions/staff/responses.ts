import * as z from 'zod';
import { invoiceSchema } from '#core/http/responses';
import type { STAFF_ACCOUNT_ROUTES, STAFF_ROUTES } from './routes.ts';

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
} satisfies Record<
  (typeof STAFF_ROUTES | typeof STAFF_ACCOUNT_ROUTES)[number]['id'],
  z.ZodType | null
>;
