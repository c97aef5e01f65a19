/**
 * Who a per-address rate limit counts. One IPv4 address is one subject; an
 * IPv6 host usually has a whole /64 to itself (SLAAC, privacy addresses), so
 * counting single IPv6 addresses would give it 2^64 fresh budgets. IPv6 is
 * therefore counted by its /64 prefix, written in one canonical form
 * whatever spelling arrived, and an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`) counts as the IPv4 address it carries.
 */
import { isIPv4, isIPv6 } from 'node:net';

const HEXTETS = 8;

/** The eight 16-bit groups of an IPv6 address (any valid spelling), or undefined. */
const hextetsOf = (address: string): number[] | undefined => {
  let canonical: string;
  try {
    // The WHATWG URL parser accepts every RFC 4291 spelling (case, leading
    // zeros, `::`, an embedded dotted IPv4) and writes it back in hex.
    canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const [head = '', tail] = canonical.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(HEXTETS - left.length - right.length).fill('0');
  const groups = [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16));
  return groups.length === HEXTETS ? groups : undefined;
};

/** RFC 5952 text of eight groups (lowercase, longest zero run as `::`), via the URL parser. */
const ipv6Text = (groups: number[]) =>
  new URL(`http://[${groups.map((group) => group.toString(16)).join(':')}]`).hostname.slice(1, -1);

const isIpv4Mapped = (groups: number[]) =>
  groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;

const ipv4Of = (high: number, low: number) =>
  `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/**
 * The subject a per-address limit counts for `sourceIp`: the IPv4 address
 * as it is, or `<canonical /64 prefix>/64` for IPv6. Anything that is not
 * an address (API Gateway always sends one) is kept, trimmed and lowercased.
 */
export const rateLimitSubjectOfAddress = (sourceIp: string): string => {
  const address = sourceIp
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  const groups = isIPv6(address) ? hextetsOf(address) : undefined;
  if (!groups) return sourceIp.trim().toLowerCase();
  if (isIpv4Mapped(groups)) return ipv4Of(groups[6] ?? 0, groups[7] ?? 0);
  return `${ipv6Text([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
};
