/**
 * An address SES reported as bouncing permanently or complaining: Portico
 * sends it nothing more (security mail included: it would not arrive, and
 * complaints hurt the sender's reputation). Written by SES feedback.
 */
import { PREFIX, TABLE } from '../table/table.ts';
import { normaliseEmail } from './contact.ts';

export const suppressionKeys = (address: string) => ({
  [TABLE.partitionKey]: `${PREFIX.suppression}${normaliseEmail(address)}`,
  [TABLE.sortKey]: PREFIX.suppressionItem,
});

/** The suppressed addresses among `items` read with `suppressionKeys`. */
export const suppressedAddresses = (items: Record<string, unknown>[]) =>
  new Set(
    items
      .map((item) => item[TABLE.partitionKey])
      .filter((key): key is string => typeof key === 'string')
      .map((key) => key.slice(PREFIX.suppression.length))
  );
