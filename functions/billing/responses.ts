import * as z from 'zod';
import { invoiceSchema, invoiceSummarySchema } from '#core/http/responses';
import type { BILLING_ROUTES } from './routes.ts';

const amount = z.string().meta({ description: 'Decimal amount as a string, e.g. `"119.00"`.' });
const bytes = z.number().int().nonnegative().meta({ format: 'int64', description: 'Bytes.' });

export const invoicePdfLinkSchema = z
  .object({
    url: z.string().meta({
      format: 'uri',
      description: 'A presigned GET of the PDF: follow it without a token before `expiresAt`.',
    }),
    expiresAt: z
      .string()
      .meta({ format: 'date-time', description: 'When the link stops working (5 minutes).' }),
  })
  .meta({ id: 'InvoicePdfLink' });

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
  getInvoicePdf: invoicePdfLinkSchema,
  listCalls: pageOf(callRecordSchema, 'CallRecordPage'),
  listTraffic: pageOf(trafficSampleSchema, 'TrafficSamplePage'),
  getTrafficTotals: trafficTotalsSchema,
} satisfies Record<(typeof BILLING_ROUTES)[number]['id'], z.ZodType | null>;
