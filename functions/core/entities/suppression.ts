/**
 * An address SES reported as bouncing permanently or complaining: Portico
 * sends it nothing more (security mail included: it would not arrive, and
 * complaints hurt the sender's reputation). Written by the feedback
 * function, once per address: the first report stands, so a replayed or
 * later report changes nothing (docs/notifications.md, "Feedback").
 */
import type { PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { attributesOf, type EntityOf, oneOf, optional, readItem, text } from './attributes.ts';
import { normaliseEmail } from './contact.ts';
import { createPut } from './item-writes.ts';

export const SUPPRESSION_ENTITY = 'suppression';
export const SUPPRESSION_REASONS = ['bounce', 'complaint'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export const SUPPRESSION_ATTRIBUTES = {
  address: text(),
  reason: oneOf(SUPPRESSION_REASONS),
  /** SES's bounce type (`Permanent`) or complaint feedback type (`abuse` …), when it gave one. */
  type: optional(text()),
  subtype: optional(text()),
  /** When SES reported it. */
  at: text(),
  feedbackId: optional(text()),
  sesMessageId: optional(text()),
  createdAt: text(),
};

export type Suppression = EntityOf<typeof SUPPRESSION_ATTRIBUTES>;

export const suppressionKeys = (address: string) => ({
  [TABLE.partitionKey]: `${PREFIX.suppression}${normaliseEmail(address)}`,
  [TABLE.sortKey]: PREFIX.suppressionItem,
});

/** create: the first report of an address stands; a repeat is refused by the condition. */
export const createSuppressionPut = (suppression: Suppression): PutInput =>
  createPut({
    ...suppressionKeys(suppression.address),
    entity: SUPPRESSION_ENTITY,
    ...attributesOf(SUPPRESSION_ATTRIBUTES, {
      ...suppression,
      address: normaliseEmail(suppression.address),
    }),
  });

export const fromSuppressionItem = (item: Record<string, unknown>): Suppression =>
  readItem(SUPPRESSION_ENTITY, SUPPRESSION_ATTRIBUTES, item);

/** The suppressed addresses among `items` read with `suppressionKeys`. */
export const suppressedAddresses = (items: Record<string, unknown>[]) =>
  new Set(
    items
      .map((item) => item[TABLE.partitionKey])
      .filter((key): key is string => typeof key === 'string')
      .map((key) => key.slice(PREFIX.suppression.length))
  );
