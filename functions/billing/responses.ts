import * as z from 'zod';
import type { BILLING_ROUTES } from './routes.ts';

const amount = z.string().meta({ description: 'Decimal amount as a string, e.g. `"119.00"`.' });
const bytes = z.number().int().nonnegative().meta({ format: 'int64', description: 'Bytes.' });

export const invoiceSummarySchema = z
  .object({
    number: z.string(),
    issuedAt: z.string(),
    dueAt: z.string(),
    currency: z.string().meta({ description: 'ISO 4217' }),
    total: amount,
    status: z.enum(['open', 'paid', 'overdue', 'void']),
  })
  .meta({ id: 'InvoiceSummary' });

export const invoiceSchema = z
  .object({
    ...invoiceSummarySchema.shape,
    lines: z.array(
      z.object({
        description: z.string(),
        quantity: z.number(),
        unitPrice: amount,
        amount,
        contractNumber: z.string().optional(),
        serviceId: z.string().optional(),
      })
    ),
  })
  .meta({ id: 'Invoice' });

export const callRecordSchema = z
  .object({
    id: z.string(),
    startedAt: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    from: z.string(),
    to: z.string(),
    durationSeconds: z.number().int(),
    charge: amount.optional(),
    currency: z.string().optional(),
  })
  .meta({ id: 'CallRecord' });

export const trafficSampleSchema = z
  .object({
    ip: z.string(),
    at: z.string().meta({ description: 'Start of the measured period.' }),
    periodSeconds: z.number().int(),
    inBytes: bytes,
    outBytes: bytes,
  })
  .meta({ id: 'TrafficSample' });

export const trafficTotalsSchema = z
  .object({
    serviceId: z.string(),
    from: z.string().meta({ description: 'First month, `YYYY-MM` (UTC).' }),
    to: z.string().meta({ description: 'Last month, `YYYY-MM` (UTC), included.' }),
    months: z.array(
      z.object({
        month: z
          .string()
          .meta({ description: '`YYYY-MM` (UTC): the samples whose `at` is in it.' }),
        inBytes: bytes,
        outBytes: bytes,
        ips: z
          .array(z.object({ ip: z.string(), inBytes: bytes, outBytes: bytes }))
          .meta({ description: 'The IPs with traffic that month, the most traffic first.' }),
      })
    ),
  })
  .meta({ id: 'TrafficTotals' });

const pageOf = (item: z.ZodType, id: string) =>
  z.object({ items: z.array(item), cursor: z.string().nullable() }).meta({ id });

export const BILLING_RESPONSES = {
  listInvoices: pageOf(invoiceSummarySchema, 'InvoicePage'),
  getInvoice: invoiceSchema,
  listCalls: pageOf(callRecordSchema, 'CallRecordPage'),
  listTraffic: pageOf(trafficSampleSchema, 'TrafficSamplePage'),
  getTrafficTotals: trafficTotalsSchema,
} satisfies Record<(typeof BILLING_ROUTES)[number]['id'], z.ZodType | null>;
