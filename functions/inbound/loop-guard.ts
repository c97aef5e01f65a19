/**
 * RFC 3834: mail written by a machine is never answered, or two
 * responders answer each other for ever. Such mail is dropped silently
 * (its raw message is kept): `Auto-Submitted` other than `no`,
 * `Precedence: bulk | list | junk`, the automatic-reply markers of common
 * servers, a null or mailer-daemon / postmaster sender, and Portico's own
 * addresses (its notifications bouncing back).
 */

export interface LoopFacts {
  /** Header values by lower-case name (the first of each). */
  header: (name: string) => string | undefined;
  /** The From address, normalised ('' when none). */
  from: string;
  /** The SMTP envelope sender (SES `mail.source`), '' for a null sender. */
  envelopeSender: string;
  /** Domains whose addresses are Portico's own (the mail and Message-ID domains). */
  ownDomains: readonly string[];
}

const MACHINE_LOCAL_PARTS = new Set(['mailer-daemon', 'postmaster', 'noreply', 'no-reply']);

const isMachineAddress = (address: string) => {
  const local = address.split('@')[0]?.toLowerCase() ?? '';
  return MACHINE_LOCAL_PARTS.has(local);
};

/** Why this mail must not be answered, or undefined when a person wrote it. */
export const loopReason = (facts: LoopFacts): string | undefined => {
  const autoSubmitted = facts.header('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = facts.header('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'list', 'junk'].includes(precedence)) {
    return `Precedence: ${precedence}`;
  }
  if (facts.header('x-autoreply') || facts.header('x-autorespond')) return 'auto-reply header';
  if (facts.envelopeSender === '' || facts.envelopeSender === '<>') return 'null envelope sender';
  for (const address of [facts.from, facts.envelopeSender]) {
    if (isMachineAddress(address)) return `machine sender ${address.split('@')[0]}`;
    const domain = address.split('@')[1]?.toLowerCase();
    if (domain && facts.ownDomains.includes(domain)) return 'one of our own addresses';
  }
  if (facts.from === '') return 'no From address';
  return undefined;
};
