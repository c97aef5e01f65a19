/** Generated accounts of mail readers for the recipient rules' property tests. */
import fc from 'fast-check';
import { MEMBERSHIP_STATUSES } from '#core/entities/membership';
import { PREFERENCE_CATEGORIES } from '#core/rules/mail-categories';
import { AREAS } from '#core/rules/permissions';
import type { MailReader } from '../../functions/notify/ticket-recipients.ts';

export const SERVICES = ['s-1', 's-2', 's-3'];

export const preferences = fc.record(
  Object.fromEntries(PREFERENCE_CATEGORIES.map((category) => [category, fc.boolean()])) as Record<
    (typeof PREFERENCE_CATEGORIES)[number],
    fc.Arbitrary<boolean>
  >
);

/** A contact of the account; addresses drawn from a small set so some contacts share one. */
export const reader = (contactId: string, isPrimary: boolean): fc.Arbitrary<MailReader> =>
  fc.record({
    contactId: fc.constant(contactId),
    email: fc.constantFrom('a@x.example', 'B@x.example', 'b@x.example', `${contactId}@x.example`),
    language: fc.constantFrom('en', 'es'),
    isPrimary: fc.constant(isPrimary),
    emailPreferences: preferences,
    supportScope: isPrimary
      ? fc.constant('global' as const)
      : fc.constantFrom('none', 'isolated', 'global'),
    supportServiceIds: fc.subarray(SERVICES),
    login: fc.option(
      fc.record({
        status: fc.constantFrom(...MEMBERSHIP_STATUSES),
        permissions: fc.subarray([...AREAS]),
      }),
      { nil: undefined }
    ),
  });

export const account = fc
  .integer({ min: 0, max: 8 })
  .chain((others) =>
    fc.tuple(
      reader('c-primary', true),
      ...Array.from({ length: others }, (_, index) => reader(`c-${index}`, false))
    )
  )
  .map((readers): MailReader[] => readers);
