/**
 * The performance budget of DESIGN.md as data: every check in `npm run bench`
 * reads its limit from here, and docs/performance.md describes the same rows.
 */
import { KB } from './stats.ts';

/**
 * What a bundle is for decides its size budget. An API function becomes
 * `api-ses` when its metafile shows it bundles the SES v2 client.
 */
export type BundleKind = 'api' | 'api-ses' | 'inbound';

export interface BundleBudget {
  kind: BundleKind;
  label: string;
  maxBytes: number;
  /** Mail-parsing libraries are only allowed where mail is parsed. */
  mayParseMail: boolean;
}

export const BUNDLE_BUDGETS: Record<BundleKind, BundleBudget> = {
  api: { kind: 'api', label: 'API area function', maxBytes: 350 * KB, mayParseMail: false },
  'api-ses': {
    kind: 'api-ses',
    label: 'function with SES (API or worker)',
    maxBytes: 450 * KB,
    mayParseMail: false,
  },
  inbound: {
    kind: 'inbound',
    label: 'inbound mail function',
    maxBytes: 1.2 * KB * KB,
    mayParseMail: true,
  },
};

/** A bundle containing this package is classified `api-ses`. */
export const SES_PACKAGE = '@aws-sdk/client-sesv2';

/** MIME parsing and charset conversion: the inbound function's weight, nobody else's. */
export const MAIL_PARSING_PACKAGES = [
  'postal-mime',
  'html-to-text',
  'mailparser',
  'iconv-lite',
  'mailsplit',
  'libmime',
] as const;

/** Cold import p50 of a function bundle ÷ that of the DynamoDB-client-only baseline. */
export const COLD_IMPORT_MAX_RATIO = 1.3;

/** In-process handler p50 ÷ the same DynamoDB calls made raw, same run. */
export const HANDLER_OVERHEAD_MAX_RATIO = 1.3;

/** DynamoDB calls one API request may make. */
export const CALLS_PER_REQUEST = { reads: 2, writes: 3, scans: 0 } as const;

/** The notice fan-out (bench/fan-out.ts): every recipient's mail in the SES emulator, once. */
export const FAN_OUT_BUDGET = {
  recipients: 10_000,
  maxSeconds: 10,
  duplicates: 0,
  missing: 0,
} as const;

/** Inbound mail: parse + route p50 per mail size (DESIGN.md). */
export const INBOUND_BUDGETS_MS = { '1 MB': 20, '10 MB': 200 } as const;
