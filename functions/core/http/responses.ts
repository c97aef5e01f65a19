/**
 * Response shapes shared by several areas. They document the contract in
 * the OpenAPI document and are never loaded by a Lambda function.
 */
import * as z from 'zod';
import { CONTACT_LANGUAGES } from '../entities/contact.ts';
import { FIELD_CODES } from '../platform/field-errors.ts';
import { PROBLEM, type ProblemType, problemTypeUri } from '../platform/problem-types.ts';
import { EMAIL_STATUSES } from '../rules/email-status.ts';
import { AREAS } from '../rules/permissions.ts';

const areaSchema = z.enum(AREAS);

export const addressViewSchema = z
  .object({
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string(),
    region: z.string().optional(),
    postcode: z.string(),
    country: z.string().meta({ description: 'ISO 3166-1 alpha-2' }),
  })
  .meta({ id: 'Address' });

export const contactSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['individual', 'organisation']),
    firstName: z.string(),
    lastName: z.string(),
    companyName: z.string().optional(),
    taxId: z.string().optional(),
    email: z.string(),
    pendingEmail: z.string().optional().meta({
      description:
        'A new login email sent a confirmation code; it replaces `email` once confirmed.',
    }),
    emailStatus: z
      .object({
        status: z.enum(EMAIL_STATUSES),
        at: z.string().meta({ description: 'When SES reported it (ISO 8601, UTC).' }),
      })
      .optional()
      .meta({
        description:
          'SES reported the current `email` as bouncing for good (`bounced`) or its owner complained (`complained`): Portico sends it no more mail. Absent otherwise; a new address starts without it.',
      }),
    phone: z.string(),
    address: addressViewSchema,
    language: z
      .enum(CONTACT_LANGUAGES)
      .meta({ description: 'The language of the mail the contact receives.' }),
    emailPreferences: z
      .object({
        general: z.boolean(),
        product: z.boolean(),
        domain: z.boolean(),
        invoice: z.boolean(),
        support: z.boolean(),
      })
      .meta({ id: 'EmailPreferences' }),
    supportScope: z.enum(['none', 'isolated', 'global']),
    assignedServices: z
      .array(
        z.object({
          id: z.string(),
          type: z.enum(['hosting', 'vps', 'voip', 'serverhousing', 'domain']),
        })
      )
      .meta({
        description:
          'The services and domains this contact supports (assigned under `.../support-contacts/{contactId}`).',
      }),
    subAccount: z
      .object({
        status: z.enum(['active', 'suspended', 'invited']),
        permissions: z.array(areaSchema),
      })
      .nullable(),
    isPrimary: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Contact' });

export const fieldErrorSchema = z
  .object({
    field: z
      .string()
      .meta({ description: 'The JSON path of the field; `(body)` for the whole body.' }),
    code: z
      .enum(FIELD_CODES)
      .meta({ description: 'What is wrong, to localise from (docs/errors.md).' }),
    message: z.string().meta({ description: 'The same in English.' }),
    allowed: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .meta({ description: 'On `not_allowed`: the values the field takes.' }),
    minimum: z
      .number()
      .optional()
      .meta({ description: 'On `too_short`, `too_few`, `too_small`: the least accepted.' }),
    maximum: z
      .number()
      .optional()
      .meta({ description: 'On `too_long`, `too_many`, `too_big`: the most accepted.' }),
  })
  .meta({ id: 'FieldError' });

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
    area: areaSchema.optional(),
    allowedAreas: z.array(areaSchema).optional(),
    grantedBy: z.object({ name: z.string() }).optional(),
    field: z.string().optional().meta({ description: 'The request field a conflict is about.' }),
    retryAfterSeconds: z.number().int().optional().meta({ description: 'On 429: when to retry.' }),
    currentVersion: z
      .number()
      .int()
      .optional()
      .meta({ description: 'On 412: the version there is now (also sent as the `ETag`).' }),
    supportScope: z
      .string()
      .optional()
      .meta({ description: 'On a support refusal: the scope the contact or login has.' }),
    allowedServiceIds: z
      .array(z.string())
      .optional()
      .meta({ description: 'On a support refusal: the services the login may open tickets on.' }),
    contractNumber: z
      .string()
      .optional()
      .meta({ description: 'On `contract-taken`: the contract number of another account.' }),
    existingContactId: z
      .string()
      .optional()
      .meta({ description: 'On `contact-email-taken`: the contact that has the address.' }),
  })
  // RFC 9457 extension members: exactly those of ProblemExtensions (core/platform/errors.ts).
  .strict()
  .meta({ id: 'Problem' });

const TYPES = Object.values(PROBLEM) as ProblemType[];

/** The problem a response of `status` is: its `type` is one of the catalogue's for that status. */
const byStatus = new Map<number, ReturnType<typeof problemOf>>();

export const problemSchemaOf = (status: number) => {
  if (!byStatus.has(status)) byStatus.set(status, problemOf(status));
  return byStatus.get(status) as ReturnType<typeof problemOf>;
};

const problemOf = (status: number) => {
  const types = TYPES.filter((problem) => problem.status === status).map(problemTypeUri);
  return z
    .intersection(
      problemSchema,
      z.looseObject({
        type: z.enum(types as [string, ...string[]]).meta({
          description: 'The failure: one of the problem types of docs/errors.md for this status.',
        }),
        status: z.literal(status),
      })
    )
    .meta({ id: `Problem${status}` });
};

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

export { areaSchema };
