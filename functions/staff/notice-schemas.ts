/** Request schema of staff notices (docs/notifications.md, "Staff notices"). */
import * as z from 'zod/mini';
import { NOTICE_CATEGORIES } from '#core/entities/notice';
import { SERVICE_AND_DOMAIN_TYPES } from '#core/entities/service-type';
import { fieldRule } from '#core/http/field-rules';
import { opaqueIdSchema, plainText, trimmedText } from '#core/http/schemas';
import { hostname } from './schemas.ts';

/** Accounts, services or domains one notice names: one BatchGet chunk each at most. */
export const NOTICE_NAMES_MAX = 100;
export const NOTICE_TEXT_MAX = 20_000;
export const NOTICE_HTML_MAX = 50_000;
const SCOPES = ['accountIds', 'services', 'server', 'serviceType', 'domains', 'everyone'] as const;

const names = <T extends z.core.SomeType>(item: T, what: string) =>
  z
    .array(item)
    .check(
      z.minLength(1, `Name at least one ${what}.`),
      z.maxLength(NOTICE_NAMES_MAX, `At most ${NOTICE_NAMES_MAX} ${what}s.`)
    );

const multiLine = (max: number) =>
  z.string().check(
    z.maxLength(max, `At most ${max} characters.`),
    fieldRule('too_short', (text: string) => /\S/.test(text), 'Must not be empty.', {
      bounds: { minimum: 1 },
    }),
    plainText('multi-line')
  );

export const noticeScopeSchema = z
  .strictObject({
    accountIds: z.optional(names(opaqueIdSchema, 'account')),
    services: z.optional(
      names(z.strictObject({ accountId: opaqueIdSchema, serviceId: opaqueIdSchema }), 'service')
    ),
    server: z.optional(trimmedText(200)),
    serviceType: z.optional(
      z.enum(SERVICE_AND_DOMAIN_TYPES, {
        error: `Use one of: ${SERVICE_AND_DOMAIN_TYPES.join(', ')}.`,
      })
    ),
    domains: z.optional(names(hostname, 'domain')),
    everyone: z.optional(z.literal(true)),
  })
  .check(
    fieldRule(
      'either_or',
      (scope: Record<string, unknown>) =>
        SCOPES.filter((key) => scope[key] !== undefined).length === 1,
      `Name exactly one of: ${SCOPES.join(', ')}.`
    )
  )
  .register(z.globalRegistry, { id: 'NoticeScope' });

export const noticeCreateSchema = z
  .strictObject({
    category: z.enum(NOTICE_CATEGORIES, {
      error: `Use one of: ${NOTICE_CATEGORIES.join(', ')} (ticket, invoice and security mail are sent by their own events).`,
    }),
    scope: noticeScopeSchema,
    subject: trimmedText(200),
    text: multiLine(NOTICE_TEXT_MAX),
    html: z.optional(multiLine(NOTICE_HTML_MAX)),
  })
  .register(z.globalRegistry, { id: 'NoticeCreate' });

export type NoticeCreate = z.output<typeof noticeCreateSchema>;
