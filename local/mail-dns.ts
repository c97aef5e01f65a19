/**
 * The DNS the local SMTP ingress checks SPF, DKIM and DMARC against: a
 * fixed table instead of the internet (there is none here), in the shape
 * of node's `dns.promises.resolve` that mailauth accepts as `resolver`.
 * The demo domains allow mail from 127.0.0.1 (SPF) and publish
 * `p=reject` (DMARC), so a mail sent from this machine with a demo From
 * passes, aligned; a domain not in the table has no records at all, so its
 * mail is refused as unauthenticated, as SES's GRAY verdict would be.
 */
export type DnsTable = Record<string, Record<string, string[][]>>;

/** A domain whose mail from this machine passes SPF, with DMARC policy `policy`. */
export const localSenderDomain = (
  domain: string,
  policy: 'reject' | 'none' = 'reject'
): DnsTable => ({
  [domain]: { TXT: [['v=spf1 ip4:127.0.0.1 -all']] },
  [`_dmarc.${domain}`]: { TXT: [[`v=DMARC1; p=${policy}`]] },
});

/** A domain whose SPF allows only another host: mail from here fails SPF, and DMARC with it. */
export const foreignSenderDomain = (
  domain: string,
  policy: 'reject' | 'none' = 'reject'
): DnsTable => ({
  [domain]: { TXT: [['v=spf1 ip4:192.0.2.1 -all']] },
  [`_dmarc.${domain}`]: { TXT: [[`v=DMARC1; p=${policy}`]] },
});

/** The demo data's customer domains (local/seed-contacts.ts). */
export const LOCAL_MAIL_DNS: DnsTable = {
  ...localSenderDomain('demo.example'),
  ...localSenderDomain('elsewhere.example'),
};

const notFound = (name: string) =>
  Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });

export const dnsResolver =
  (table: DnsTable) =>
  async (name: string, rrtype: string): Promise<string[][]> => {
    const records = table[name.toLowerCase().replace(/\.$/, '')]?.[rrtype.toUpperCase()];
    if (!records) throw notFound(name);
    return records;
  };
