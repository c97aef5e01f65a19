/**
 * Addresses as inbound mail names them. The support address takes a plus
 * tag naming the account (`support+<accountId>@domain`): a person who is a
 * contact of several accounts writes to that account's own address. A
 * subject tag `[service:<id>]` says which service a new ticket is about.
 */
import { normaliseEmail } from '#core/entities/contact';

export { normaliseEmail };

/** `local+tag@domain` → its parts (local and domain lower-cased). */
const splitAddress = (address: string) => {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = address.slice(0, at).toLowerCase();
  const plus = local.indexOf('+');
  return {
    base: plus < 0 ? local : local.slice(0, plus),
    tag: plus < 0 ? undefined : address.slice(plus + 1, at),
    domain: address.slice(at + 1).toLowerCase(),
  };
};

/**
 * Whether `recipient` is the support address, and the account tag it
 * carries: `{ tag: undefined }` for the plain address, undefined for any
 * other address.
 */
export const supportTagOf = (
  recipient: string,
  supportAddress: string
): { tag: string | undefined } | undefined => {
  const target = splitAddress(normaliseEmail(recipient));
  const support = splitAddress(normaliseEmail(supportAddress));
  if (!target || !support || target.base !== support.base || target.domain !== support.domain) {
    return undefined;
  }
  return { tag: target.tag === '' ? undefined : target.tag };
};

/** The account's own support address. */
export const accountSupportAddress = (supportAddress: string, accountId: string) => {
  const at = supportAddress.lastIndexOf('@');
  return `${supportAddress.slice(0, at)}+${accountId}${supportAddress.slice(at)}`;
};

const SERVICE_TAG = /\[service:\s*([A-Za-z0-9_-]{1,64})\s*\]/i;

/** The service a subject names, and the subject without the tag. */
export const serviceTagOf = (subject: string): { serviceId?: string; subject: string } => {
  const match = SERVICE_TAG.exec(subject);
  if (!match?.[1]) return { subject };
  return {
    serviceId: match[1],
    subject: subject.replace(match[0], ' ').replace(/\s+/g, ' ').trim(),
  };
};
