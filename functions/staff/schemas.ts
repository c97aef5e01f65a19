/**
 * Request schemas of the operators' loading routes. The import command
 * (scripts/import/rows.ts) checks each row with these same schemas before
 * sending it, so a bad row is reported the same way offline and online.
 */
import * as z from 'zod/mini';
import { normaliseContractNumber } from '#core/entities/contract';
import { INVOICE_STATUSES } from '#core/entities/invoice';
import { SERVICE_STATUSES, SERVICE_TYPES } from '#core/entities/service';
import { CALL_DIRECTIONS } from '#core/entities/usage';
import { fieldPattern, fieldRule, fieldRules } from '#core/http/field-rules';
import { INVOICE_NUMBER_MAX, INVOICE_NUMBER_PATTERN } from '#core/http/id-shapes';
import {
  amountSchema,
  atMost,
  calendarDateSchema,
  currencySchema,
  cursorSchema,
  emailSchema,
  instantSchema,
  ipAddressSchema,
  personFields,
  queryInteger,
  trimmedText,
  wholeNumber,
} from '#core/http/schemas';
import { invoiceMoneyProblems } from './invoice-money.ts';

/** An enum whose error lists the choices (zod/mini ships no message catalogue). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `Use one of: ${values.join(', ')}.` });

/** A call or a traffic sample spans at most a month of 31 days. */
const MAX_RECORD_SECONDS = 31 * 24 * 60 * 60;

/** An invoice line's quantity (units, hours, minutes...): fractions allowed. */
const MAX_QUANTITY = 1_000_000_000;

/** The most records one usage request loads: one transaction holds at most 100 writes. */
export const MAX_USAGE_RECORDS = 100;
/**
 * Traffic: the samples, their service and their months are read in one
 * BatchGet (at most 100 keys), and the samples and months written in one
 * transaction (at most 100 actions): 96 samples within 3 UTC months.
 */
export const MAX_TRAFFIC_SAMPLES = 96;
export const MAX_TRAFFIC_MONTHS = 3;

/** Ids of the operators' systems: safe in a key and in a URL path segment. */
const systemId = (max: number, what: string) => {
  const message = `Use 1 to ${max} letters, digits, dots, dashes, underscores or colons for the ${what}.`;
  return z
    .string()
    .check(atMost(max, message), z.regex(new RegExp(`^[A-Za-z0-9._:-]{1,${max}}$`), message));
};

export const externalIdSchema = systemId(100, 'external id').register(z.globalRegistry, {
  example: 'CRM-10042',
});
const INVOICE_NUMBER_MESSAGE = `Use 1 to ${INVOICE_NUMBER_MAX} letters, digits, dots, dashes or underscores for the invoice number.`;
export const invoiceNumberSchema = z
  .string()
  .check(
    atMost(INVOICE_NUMBER_MAX, INVOICE_NUMBER_MESSAGE),
    z.regex(INVOICE_NUMBER_PATTERN, INVOICE_NUMBER_MESSAGE)
  )
  .register(z.globalRegistry, { example: 'INV-2026-0001' });

const contractNumber = trimmedText(40);

export const hostname = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    atMost(253, 'Use a domain name, like example.com.'),
    fieldPattern(
      'invalid_domain',
      /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/,
      'Use a domain name, like example.com.'
    )
  );

const uniqueContracts = fieldRules<string[]>('duplicate', (numbers, report) => {
  const seen = new Set<string>();
  numbers.forEach((number, index) => {
    const normalised = normaliseContractNumber(number);
    if (seen.has(normalised)) report('Listed twice.', [index]);
    seen.add(normalised);
  });
});

export const accountLoadSchema = z
  .strictObject({
    externalId: externalIdSchema,
    name: trimmedText(200),
    contractNumbers: z
      .array(contractNumber)
      .check(
        z.minLength(1, 'List at least one contract number.'),
        z.maxLength(50, 'At most 50 contract numbers.'),
        uniqueContracts
      ),
    hostedDomains: z.optional(z.array(hostname).check(z.maxLength(100, 'At most 100 domains.'))),
    primaryContact: z.strictObject({
      firstName: personFields.firstName,
      lastName: personFields.lastName,
      companyName: z.optional(personFields.companyName),
      email: personFields.email,
      phone: personFields.phone,
      address: personFields.address,
    }),
  })
  .register(z.globalRegistry, { id: 'StaffAccountLoad' });

export type AccountLoad = z.output<typeof accountLoadSchema>;

/** The most IPs a serverhousing service lists (its item carries them). */
export const MAX_SERVICE_IPS = 256;

const uniqueIps = fieldRules<string[]>('duplicate', (ips, report) => {
  const seen = new Set<string>();
  ips.forEach((ip, index) => {
    if (seen.has(ip)) report('Listed twice.', [index]);
    seen.add(ip);
  });
});

export const serviceLoadSchema = z
  .strictObject({
    externalId: externalIdSchema,
    type: oneOf([...SERVICE_TYPES, 'domain']),
    label: trimmedText(200),
    status: oneOf(SERVICE_STATUSES),
    contractNumber,
    server: z.optional(trimmedText(200)),
    ips: z.optional(
      z
        .array(ipAddressSchema)
        .check(z.maxLength(MAX_SERVICE_IPS, `At most ${MAX_SERVICE_IPS} IPs.`), uniqueIps)
    ),
  })
  .check(
    fieldRule(
      'invalid_domain',
      (service: { type: string; label: string }) =>
        service.type !== 'domain' || hostname.safeParse(service.label).success,
      'A domain’s label is its name, like example.com.',
      { path: ['label'] }
    ),
    fieldRule(
      'not_applicable',
      (service: { type: string; ips?: unknown }) =>
        service.ips === undefined || service.type === 'serverhousing',
      'Only serverhousing services list IPs.',
      { path: ['ips'] }
    )
  )
  .register(z.globalRegistry, { id: 'StaffServiceLoad' });

export type ServiceLoad = z.output<typeof serviceLoadSchema>;

const invoiceLine = z.strictObject({
  description: trimmedText(500),
  quantity: z
    .number()
    .check(
      z.positive('Must be more than 0.'),
      z.lte(MAX_QUANTITY, `Must be at most ${MAX_QUANTITY}.`)
    ),
  unitPrice: amountSchema,
  net: amountSchema,
  tax: amountSchema,
  total: amountSchema,
  contractNumber: z.optional(contractNumber),
  serviceId: z.optional(trimmedText(100)),
});

/** The money rules (invoice-money.ts), reported at the field to fix. */
const moneyAddsUp = fieldRules<Parameters<typeof invoiceMoneyProblems>[0]>(
  'sum_mismatch',
  (invoice, report) => {
    for (const { code, message, path } of invoiceMoneyProblems(invoice))
      report(message, path, code);
  }
);

export const invoiceLoadSchema = z
  .strictObject({
    number: invoiceNumberSchema,
    issuedAt: calendarDateSchema,
    dueAt: calendarDateSchema,
    paidAt: z.optional(calendarDateSchema),
    currency: currencySchema,
    net: amountSchema,
    tax: amountSchema,
    total: amountSchema,
    status: oneOf(INVOICE_STATUSES),
    lines: z.array(invoiceLine).check(z.maxLength(200, 'At most 200 lines.')),
  })
  .check(
    fieldRule(
      'date_order',
      (invoice: { dueAt: string; issuedAt: string }) => invoice.dueAt >= invoice.issuedAt,
      'Due on or after the issue date.',
      { path: ['dueAt'] }
    ),
    fieldRule(
      'not_applicable',
      (invoice: { paidAt?: string; status: string }) =>
        invoice.paidAt === undefined || invoice.status === 'paid',
      'Only a paid invoice has a payment date.',
      { path: ['paidAt'] }
    ),
    moneyAddsUp
  )
  .register(z.globalRegistry, { id: 'StaffInvoiceLoad' });

export type InvoiceLoad = z.output<typeof invoiceLoadSchema>;

const callRecord = z.strictObject({
  id: systemId(100, 'record id'),
  startedAt: instantSchema,
  direction: oneOf(CALL_DIRECTIONS),
  from: trimmedText(64),
  to: trimmedText(64),
  durationSeconds: wholeNumber(0, MAX_RECORD_SECONDS, 'whole seconds'),
  charge: z.optional(amountSchema),
  currency: z.optional(currencySchema),
});

/** Counters as JSON carries them exactly (2^53 - 1 bytes is 8 PiB, over a month of 10 Gbit/s). */
const byteCount = wholeNumber(0, Number.MAX_SAFE_INTEGER, 'whole bytes');

const trafficSample = z.strictObject({
  ip: ipAddressSchema,
  at: instantSchema,
  periodSeconds: wholeNumber(1, MAX_RECORD_SECONDS, 'whole seconds'),
  inBytes: byteCount,
  outBytes: byteCount,
});

/** A batch must not name one record twice: one transaction cannot write an item twice. */
const distinctBy = <T>(keyOf: (record: T) => string) =>
  fieldRules<T[]>('duplicate', (records, report) => {
    const seen = new Set<string>();
    records.forEach((record, index) => {
      const key = keyOf(record);
      if (seen.has(key)) report('Listed twice in this batch.', [index]);
      seen.add(key);
    });
  });

const batchOf = <T extends z.ZodMiniType>(record: T, max = MAX_USAGE_RECORDS) =>
  z
    .array(record)
    .check(
      z.minLength(1, 'Send at least one record.'),
      z.maxLength(max, `At most ${max} records per request.`)
    );

const withinMonths = fieldRule<{ at: string }[]>(
  'too_many',
  (samples) => new Set(samples.map((sample) => sample.at.slice(0, 7))).size <= MAX_TRAFFIC_MONTHS,
  `Samples of at most ${MAX_TRAFFIC_MONTHS} calendar months (UTC) per request.`,
  { bounds: { maximum: MAX_TRAFFIC_MONTHS } }
);

export const usageLoadSchema = z
  .strictObject({
    calls: z.optional(
      batchOf(callRecord).check(distinctBy((call) => `${call.startedAt}#${call.id}`))
    ),
    traffic: z.optional(
      batchOf(trafficSample, MAX_TRAFFIC_SAMPLES).check(
        distinctBy((sample) => `${sample.at}#${sample.ip}`),
        withinMonths
      )
    ),
  })
  .check(
    fieldRule(
      'either_or',
      (body: { calls?: unknown; traffic?: unknown }) =>
        (body.calls === undefined) !== (body.traffic === undefined),
      'Send either `calls` (VoIP) or `traffic` (serverhousing).',
      { path: ['calls'] }
    )
  )
  .register(z.globalRegistry, { id: 'StaffUsageLoad' });

export type UsageLoad = z.output<typeof usageLoadSchema>;

/**
 * The helpdesk's account lookup: one of `contract` and `email`. At most 50
 * contacts a page: their accounts are read with the staff check in one
 * BatchGet (100 keys at most).
 */
export const accountLookupQuerySchema = z
  .strictObject({
    contract: z.optional(contractNumber),
    email: z.optional(emailSchema),
    cursor: z.optional(cursorSchema),
    limit: queryInteger(1, 50, 25),
  })
  .register(z.globalRegistry, { id: 'AccountLookupQuery' });

export type AccountLookupQuery = z.output<typeof accountLookupQuerySchema>;
