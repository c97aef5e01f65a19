/**
 * Building blocks of request schemas. Strict objects, so unknown fields
 * fail; the same schemas feed the OpenAPI document. Written with `zod/mini`:
 * a Lambda pays for loading its schemas on every cold start, and the mini
 * build costs a third of classic zod there.
 */
import * as z from 'zod/mini';
import { CONTACT_LANGUAGES } from '../entities/contact.ts';
import { ISO_COUNTRY_CODES } from '../rules/iso-countries.ts';
import { PREFERENCE_CATEGORIES, type PreferenceCategory } from '../rules/mail-categories.ts';
import { hasForbiddenCharacter, PLAIN_TEXT_PATTERN } from '../rules/plain-text.ts';
import { fieldPattern, fieldRule } from './field-rules.ts';
import { OPAQUE_ID_MAX, OPAQUE_ID_PATTERN } from './id-shapes.ts';

/** Request schema type accepted by the route table and the body middleware. */
export type RequestSchema = z.ZodMiniType;

export { hasForbiddenCharacter, PLAIN_TEXT_PATTERN };

const PLAIN_TEXT_MESSAGE = {
  'single-line':
    'Use one line of plain text: no line breaks, tabs, control or text-direction characters.',
  'multi-line':
    'Use plain text: no control or text-direction characters besides line breaks and tabs.',
} as const;

/**
 * The check every request field of typed text carries (one line for names,
 * address parts, labels and subjects; several for ticket bodies). Put it
 * before any trim, so a trailing CR/LF is refused rather than cut.
 */
export const plainText = (kind: 'single-line' | 'multi-line') =>
  fieldPattern('control_characters', PLAIN_TEXT_PATTERN[kind], PLAIN_TEXT_MESSAGE[kind]);

/**
 * A length limit that ends the field's checks when it fails: the checks
 * after it (a pattern, a refinement) would only repeat the complaint.
 */
export const atMost = (max: number, message = `At most ${max} characters.`) =>
  z.maxLength(max, { message, abort: true });

/** One line of typed text: plain, trimmed, 1 to `max` characters. */
export const trimmedText = (max: number) =>
  z
    .string()
    .check(
      plainText('single-line'),
      z.trim(),
      z.minLength(1, 'Must not be empty.'),
      z.maxLength(max, `At most ${max} characters.`)
    );

/** An id this API handed out, sent in a body (a service a ticket is about, say). */
export const opaqueIdSchema = z
  .string()
  .check(
    atMost(OPAQUE_ID_MAX),
    z.regex(OPAQUE_ID_PATTERN, 'Use an id as this API lists it: letters, digits and . _ : -')
  );

/** The 6-digit code a confirmation mail carries. */
export const mailedCodeSchema = z
  .string()
  .check(
    atMost(6, 'Enter the 6-digit code from the email.'),
    z.regex(/^\d{6}$/, 'Enter the 6-digit code from the email.')
  );

/** A whole number (a JSON number) from `min` to `max`. */
export const wholeNumber = (min: number, max: number, unit = 'a whole number') =>
  z
    .number()
    .check(
      z.int(`Use ${unit}.`),
      z.gte(min, `Must be ${min} or more.`),
      z.lte(max, `Must be at most ${max}.`)
    );

/** The `version` a write may carry (409 when stale); versions count writes from 1. */
export const versionSchema = wholeNumber(0, 2_147_483_647);

/** E.164: a plus, a non-zero country digit, then 6 to 14 more digits. */
const PHONE_MESSAGE = 'Use international E.164 format, for example +441632960961.';
export const phoneSchema = z
  .string()
  .check(atMost(16, PHONE_MESSAGE), z.regex(/^\+[1-9]\d{6,14}$/, PHONE_MESSAGE))
  .register(z.globalRegistry, { example: '+441632960961' });

export const emailSchema = z
  .pipe(
    z.string().check(z.trim(), z.maxLength(254, 'At most 254 characters.')),
    z.email('Enter a valid email address.')
  )
  .register(z.globalRegistry, { format: 'email', example: 'owner@demo.example' });

const COUNTRY_MESSAGE = 'Use an ISO 3166-1 alpha-2 country code.';
export const countrySchema = z
  .pipe(
    z.string().check(atMost(2, COUNTRY_MESSAGE), z.regex(/^[A-Za-z]{2}$/, COUNTRY_MESSAGE)),
    z.transform((value: string) => value.toUpperCase())
  )
  .check(
    fieldRule('invalid_country', (value: string) => ISO_COUNTRY_CODES.has(value), COUNTRY_MESSAGE)
  )
  .register(z.globalRegistry, { example: 'GB' });

export const addressSchema = z
  .strictObject({
    line1: trimmedText(200),
    line2: z.optional(trimmedText(200)),
    city: trimmedText(100),
    region: z.optional(trimmedText(100)),
    postcode: trimmedText(20),
    country: countrySchema,
  })
  .register(z.globalRegistry, { id: 'AddressInput' });

/** The language of a contact's mail (`CONTACT_LANGUAGES`). */
export const contactLanguageSchema = z.enum(CONTACT_LANGUAGES);

/** A patch must change something: `version` alone only asks for a check. */
export const somethingToChange = fieldRule<Record<string, unknown>>(
  'no_change',
  (body) => Object.keys(body).some((key) => key !== 'version'),
  'Send at least one field to change.'
);

export const personFields = {
  firstName: trimmedText(100),
  lastName: trimmedText(100),
  companyName: trimmedText(200),
  email: emailSchema,
  phone: phoneSchema,
  address: addressSchema,
};

/**
 * A whole number in the query string, from `min` to `max`, `fallback` when
 * absent: decimal digits only (no sign, exponent or spaces). The document
 * shows it as the integer it stands for.
 */
export const queryInteger = (min: number, max: number, fallback: number) => {
  const message = `Use a whole number from ${min} to ${max}.`;
  // Digits only, and no more of them than `max` has: a longer number is too big, unread.
  const digits = String(max).length;
  return z
    ._default(
      z
        .pipe(
          z.string().check(
            fieldRule('not_integer', (text: string) => /^\d+$/.test(text), message, {
              abort: true,
            }),
            fieldRule('too_big', (text: string) => text.length <= digits, message, {
              abort: true,
              bounds: { maximum: max },
            })
          ),
          z.transform(Number)
        )
        .check(
          fieldRule('too_small', (n: number) => n >= min, message, { bounds: { minimum: min } }),
          fieldRule('too_big', (n: number) => n <= max, message, { bounds: { maximum: max } })
        ),
      fallback
    )
    .register(z.globalRegistry, {
      override: { type: 'integer', format: 'int32', minimum: min, maximum: max, default: fallback },
    });
};

/** A list cursor as the API hands it out (sealed, base64url); what it holds is checked when opened. */
export const cursorSchema = z
  .string()
  .check(
    atMost(2048, 'The cursor is not valid for this list.'),
    z.regex(/^[A-Za-z0-9_-]+$/, 'The cursor is not valid for this list.')
  );

/** `?cursor=&limit=` of every list: limit 1 to 100, 25 when absent. */
export const pageQuerySchema = z
  .strictObject({
    cursor: z.optional(cursorSchema),
    limit: queryInteger(1, 100, 25),
  })
  .register(z.globalRegistry, { id: 'PageQuery' });

export type PageQuery = z.output<typeof pageQuerySchema>;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

const INSTANT_MESSAGE = 'Use an ISO 8601 date-time with a zone, like 2026-03-01T12:00:00Z.';

/** A day that exists (no 2026-02-30), from 1970 on. */
const isRealDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1970 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const isInstant = (value: string) => {
  const match = ISO_INSTANT.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  return isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
};

/**
 * A point in time: an ISO 8601 date (midnight UTC) or date-time with a zone.
 * Normalised to UTC with milliseconds, so that text order is time order in
 * sort keys.
 */
export const instantSchema = z
  .pipe(
    z
      .string()
      .check(
        atMost(35, INSTANT_MESSAGE),
        fieldPattern('invalid_date', ISO_INSTANT, INSTANT_MESSAGE, true),
        fieldRule('invalid_date', isInstant, INSTANT_MESSAGE)
      ),
    z.transform((value: string) => new Date(value).toISOString())
  )
  .register(z.globalRegistry, { example: '2026-03-01T12:00:00Z' });

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_MESSAGE = 'Use a calendar date as YYYY-MM-DD, like 2026-03-01.';

/** A calendar day, `YYYY-MM-DD`, that exists: no time, no zone (an invoice's issue or due date). */
export const calendarDateSchema = z
  .string()
  .check(
    atMost(10, DATE_MESSAGE),
    fieldPattern('invalid_date', CALENDAR_DATE, DATE_MESSAGE, true),
    fieldRule(
      'invalid_date',
      (value: string) => {
        const [, year, month, day] = CALENDAR_DATE.exec(value) ?? [];
        return isRealDay(Number(year), Number(month), Number(day));
      },
      'No such day in the calendar.'
    )
  )
  .register(z.globalRegistry, { format: 'date', example: '2026-03-01' });

const AMOUNT_MESSAGE = 'Use a decimal amount as a string, like "119.00".';

/** Money as a decimal string (never a float), e.g. `"119.00"` or `"-5.50"` for a credit. */
export const amountSchema = z
  .string()
  .check(atMost(18, AMOUNT_MESSAGE), z.regex(/^-?\d{1,12}(\.\d{1,4})?$/, AMOUNT_MESSAGE))
  .register(z.globalRegistry, { example: '119.00' });

export const currencySchema = z
  .string()
  .check(
    atMost(3, 'Use an ISO 4217 currency code, like EUR.'),
    z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code, like EUR.')
  )
  .register(z.globalRegistry, { example: 'EUR' });

/** IPv6 in its canonical form (RFC 5952 as WHATWG URL writes it), so one address has one key. */
const canonicalIp = (ip: string) =>
  ip.includes(':') ? new URL(`http://[${ip}]`).hostname.slice(1, -1) : ip;

const IP_MESSAGE = 'Use an IPv4 or IPv6 address.';

/** An IPv4 or IPv6 address; IPv6 is stored and compared in canonical form. */
export const ipAddressSchema = z
  .pipe(
    z.pipe(
      z
        .string()
        .check(
          z.trim(),
          atMost(45, IP_MESSAGE),
          fieldPattern('invalid_ip', /^[0-9A-Fa-f:.]+$/, IP_MESSAGE, true)
        ),
      z.union([z.ipv4(), z.ipv6()], { error: IP_MESSAGE })
    ),
    z.transform(canonicalIp)
  )
  .register(z.globalRegistry, { example: '192.0.2.10' });

/** A change of some mail categories (docs/notifications.md); the others keep their setting. */
export const emailPreferencesPatchSchema = z
  .strictObject(
    Object.fromEntries(
      PREFERENCE_CATEGORIES.map((category) => [category, z.optional(z.boolean())])
    ) as {
      [Category in PreferenceCategory]: z.ZodMiniOptional<z.ZodMiniBoolean>;
    }
  )
  .register(z.globalRegistry, { id: 'EmailPreferencesInput' });

/**
 * What a person may change of their own contact (My Details, a contact's
 * own details, the contacts area's patch): each optional, `companyName`
 * removed by `null`.
 */
export const ownDetailsPatchFields = {
  firstName: z.optional(personFields.firstName),
  lastName: z.optional(personFields.lastName),
  companyName: z.optional(z.nullable(personFields.companyName)),
  phone: z.optional(personFields.phone),
  address: z.optional(personFields.address),
  language: z.optional(contactLanguageSchema),
  emailPreferences: z.optional(emailPreferencesPatchSchema),
};
