import * as z from 'zod';
import type { BILLING_ROUTES } from './routes.ts';

const amount = z.string().meta({ description: 'Decimal amount as a string, e.g. `"119.00"`.' });
const bytes = z.number().int().nonnegative().meta({ format: 'int64', description: 'Bytes.' });

/** An invoice amount: exactly the currency's minor-unit digits (2 for EUR, 0 for JPY). */
const money = (what: string) =>
  z.string().meta({
    description: `${what}: a decimal string with the currency’s minor-unit digits, e.g. \`"119.00"\` (EUR), \`"500"\` (JPY); never a float.`,
  });
const day = (what: string) =>
  z.string().meta({ format: 'date', description: `${what}, \`YYYY-MM-DD\`.` });

export const invoiceSummarySchema = z
  .object({
    number: z.string(),
    issuedAt: day('Issue date'),
    dueAt: day('Due date'),
    paidAt: day('Payment date (paid invoices, when the billing system gave one)').optional(),
    currency: z.string().meta({ description: 'ISO 4217' }),
    net: money('Net amount: the sum of the lines’ net'),
    tax: money('Tax: the sum of the lines’ tax'),
    total: money('Total: net plus tax'),
    status: z.enum(['open', 'paid', 'overdue', 'void']),
    hasPdf: z.boolean().meta({
      description: 'A PDF is available: `GET …/invoices/{invoiceNumber}/pdf` links to it.',
    }),
  })
  .meta({ id: 'InvoiceSummary' });

export const invoiceSchema = z
  .object({
    ...invoiceSummarySchema.shape,
    lines: z.array(
      z.object({
        description: z.string(),
        quantity: z.number(),
        unitPrice: money('Price of one unit, as invoiced'),
        net: money('Net amount of the line'),
        tax: money('Tax on the line'),
        total: money('Line total: net plus tax'),
        contractNumber: z.string().optional(),
        serviceId: z.string().optional(),
      })
    ),
  })
  .meta({ id: 'Invoice' });

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
