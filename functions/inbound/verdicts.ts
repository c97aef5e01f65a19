/**
 * What SES's receipt verdicts let through. A mail is accepted only when
 * DMARC passed (SPF or DKIM passed for a domain aligned with the From
 * domain) and neither the spam nor the virus scan failed. A DMARC failure
 * is refused whatever the sender's published policy (`reject`,
 * `quarantine` or `none`): `p=none` only says the domain's owner does not
 * ask receivers to act, not that the mail is theirs. `GRAY` (no DMARC
 * record) and `PROCESSING_FAILED` prove nothing either.
 */

export type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';

export interface ReceiptVerdicts {
  spfVerdict?: { status?: string };
  dkimVerdict?: { status?: string };
  dmarcVerdict?: { status?: string };
  spamVerdict?: { status?: string };
  virusVerdict?: { status?: string };
  dmarcPolicy?: string;
}

export type VerdictDecision =
  | { accepted: true }
  | { accepted: false; reason: 'spam-or-virus' | 'authentication-failed'; spfPassed: boolean };

const statusOf = (verdict: { status?: string } | undefined) =>
  (verdict?.status ?? 'GRAY').toUpperCase();

export const judgeVerdicts = (receipt: ReceiptVerdicts): VerdictDecision => {
  const spfPassed = statusOf(receipt.spfVerdict) === 'PASS';
  if (statusOf(receipt.spamVerdict) === 'FAIL' || statusOf(receipt.virusVerdict) === 'FAIL') {
    return { accepted: false, reason: 'spam-or-virus', spfPassed };
  }
  const dkimPassed = statusOf(receipt.dkimVerdict) === 'PASS';
  const aligned = statusOf(receipt.dmarcVerdict) === 'PASS';
  if (aligned && (spfPassed || dkimPassed)) return { accepted: true };
  return { accepted: false, reason: 'authentication-failed', spfPassed };
};
