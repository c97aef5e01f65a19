/**
 * Building blocks of request schemas. Strict objects, so unknown fields
 * fail; the same schemas feed the OpenAPI document. Written with `zod/mini`:
 * a Lambda pays for loading its schemas on every cold start, and the mini
 * build costs a third of classic zod there.
 */
import * as z from 'zod/mini';
import { CONTACT_LANGUAGES } from './entities/contact.ts';
import { ISO_COUNTRY_CODES } from './iso-countries.ts';

/** Request schema type accepted by the route table and the body middleware. */
export type RequestSchema = z.ZodMiniType;

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Characters no typed text may hold: C0 and C1 controls (CR, LF and TAB
 * among them), DEL, the line and paragraph separators U+2028/U+2029, and
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make text display other than it reads. Multi-line
 * text may keep tabs and line breaks (CR, LF), nothing else of these.
 */
export const hasForbiddenCharacter = (text: string, kind: 'single-line' | 'multi-line') => {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (control && kind === 'multi-line' && (code === TAB || code === LF || code === CR)) continue;
    if (
      control ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    )
      return true;
  }
  return false;
};

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
  z.refine<string>((text) => !hasForbiddenCharacter(text, kind), PLAIN_TEXT_MESSAGE[kind]);

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

/** E.164: a plus, a non-zero country digit, then 6 to 14 more digits. */
export const phoneSchema = z
  .string()
  .check(z.regex(/^\+[1-9]\d{6,14}$/, 'Use international E.164 format, for example +441632960961.'))
  .register(z.globalRegistry, { example: '+441632960961' });

export const emailSchema = z
  .pipe(
    z.string().check(z.trim(), z.maxLength(254, 'At most 254 characters.')),
    z.email('Enter a valid email address.')
  )
  .register(z.globalRegistry, { example: 'owner@demo.example' });

export const countrySchema = z
  .pipe(
    z.string(),
    z.transform((value: string) => value.toUpperCase())
  )
  .check(
    z.refine((value) => ISO_COUNTRY_CODES.has(value), 'Use an ISO 3166-1 alpha-2 country code.')
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

export const personFields = {
  firstName: trimmedText(100),
  lastName: trimmedText(100),
  companyName: trimmedText(200),
  email: emailSchema,
  phone: phoneSchema,
  address: addressSchema,
};

/** `?cursor=&limit=` of every list: limit 1 to 100, 25 when absent. */
export const pageQuerySchema = z
  .strictObject({
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    limit: z._default(
      z
        .pipe(
          z.string().check(z.regex(/^\d{1,3}$/, 'Use a whole number from 1 to 100.')),
          z.transform(Number)
        )
        .check(z.refine((n) => n >= 1 && n <= 100, 'Use a whole number from 1 to 100.')),
      25
    ),
  })
  .register(z.globalRegistry, { id: 'PageQuery' });

export type PageQuery = z.output<typeof pageQuerySchema>;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

const isInstant = (value: string) => {
  const match = ISO_INSTANT.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1970 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
        z.refine(isInstant, 'Use an ISO 8601 date-time with a zone, like 2026-03-01T12:00:00Z.')
      ),
    z.transform((value: string) => new Date(value).toISOString())
  )
  .register(z.globalRegistry, { example: '2026-03-01T12:00:00Z' });

/** Money as a decimal string (never a float), e.g. `"119.00"` or `"-5.50"` for a credit. */
export const amountSchema = z
  .string()
  .check(z.regex(/^-?\d{1,12}(\.\d{1,4})?$/, 'Use a decimal amount as a string, like "119.00".'))
  .register(z.globalRegistry, { example: '119.00' });

export const currencySchema = z
  .string()
  .check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code, like EUR.'))
  .register(z.globalRegistry, { example: 'EUR' });

/** IPv6 in its canonical form (RFC 5952 as WHATWG URL writes it), so one address has one key. */
const canonicalIp = (ip: string) =>
  ip.includes(':') ? new URL(`http://[${ip}]`).hostname.slice(1, -1) : ip;

/** An IPv4 or IPv6 address; IPv6 is stored and compared in canonical form. */
export const ipAddressSchema = z
  .pipe(
    z.pipe(
      z.string().check(z.trim()),
      z.union([z.ipv4(), z.ipv6()], { error: 'Use an IPv4 or IPv6 address.' })
    ),
    z.transform(canonicalIp)
  )
  .register(z.globalRegistry, { example: '192.0.2.10' });
