import * as z from 'zod';
import type { BILLING_ROUTES } from './routes.ts';

const amount = z.string().meta({ description: 'Decimal amount as a string, e.g. `"119.00"`.' });

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
    inBytes: z.number().int(),
    outBytes: z.number().int(),
  })
  .meta({ id: 'TrafficSample' });

const pageOf = (item: z.ZodType, id: string) =>
  z.object({ items: z.array(item), cursor: z.string().nullable() }).meta({ id });

export const BILLING_RESPONSES = {
  listInvoices: pageOf(invoiceSummarySchema, 'InvoicePage'),
  getInvoice: invoiceSchema,
  listCalls: pageOf(callRecordSchema, 'CallRecordPage'),
  listTraffic: pageOf(trafficSampleSchema, 'TrafficSamplePage'),
} satisfies Record<(typeof BILLING_ROUTES)[number]['id'], z.ZodType | null>;
