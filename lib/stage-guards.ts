/**
 * What stops a stage from reaching AWS half filled in: placeholder values a
 * prod block must not keep (documentation domains, the sample account) and a
 * deploy into an account or region other than the one the stage names. No
 * CDK imports: lib/config.ts and bin/portico.ts both use it.
 */

/** Thrown for a stage block that is well formed but not fit to deploy. */
export class StageGuardError extends Error {
  constructor(message: string) {
    super(`Refusing the stage configuration: ${message}`);
    this.name = 'StageGuardError';
  }
}

/**
 * Names reserved for examples and tests (RFC 2606, RFC 6761): nobody can
 * own them, so mail from them never verifies and a portal never runs there.
 */
const RESERVED_DOMAIN = /(^|\.)(example(\.(com|net|org))?|test|invalid|localhost|local)$/i;

/**
 * Mailbox providers whose DMARC policy rejects mail sent as them from
 * elsewhere: SES can verify one address there, but receivers drop its mail.
 */
const MAILBOX_PROVIDERS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'aol.com',
  'icloud.com',
]);

/** AWS's documentation account and one-digit runs: nobody's real account. */
const PLACEHOLDER_ACCOUNT = /^(123456789012|(\d)\2{11})$/;

export const ACCOUNT_ID = /^\d{12}$/;
export const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

const hostOf = (value: string): string => {
  const at = value.lastIndexOf('@');
  if (at >= 0) return value.slice(at + 1).toLowerCase();
  return value
    .replace(/^https?:\/\//, '')
    .replace(/[:/].*$/, '')
    .toLowerCase();
};

export const isReservedHost = (value: string): boolean => RESERVED_DOMAIN.test(hostOf(value));

export const isPlaceholderAccount = (account: string): boolean => PLACEHOLDER_ACCOUNT.test(account);

/** What a prod block is checked for besides its shape. */
export interface ProdValues {
  aws: { account: string };
  corsAllowOrigins: string[];
  publicUrl?: string;
  mailIdentity: string;
  fromAddress: string;
  /** Where customers write to support (SES receiving, MX of its domain). */
  supportAddress: string;
  alertEmails: string[];
}

/** Every placeholder a prod block still holds, named by its setting; empty when none. */
export const prodPlaceholders = (values: ProdValues): string[] => {
  const found: string[] = [];
  if (isPlaceholderAccount(values.aws.account)) found.push(`aws.account ${values.aws.account}`);
  for (const origin of values.corsAllowOrigins) {
    if (isReservedHost(origin) || origin.startsWith('http://'))
      found.push(`api.corsAllowOrigins ${origin}`);
  }
  if (values.publicUrl && isReservedHost(values.publicUrl))
    found.push(`api.publicUrl ${values.publicUrl}`);
  for (const [setting, value] of [
    ['mail.identity', values.mailIdentity],
    ['mail.fromAddress', values.fromAddress],
    ['inbound.supportAddress', values.supportAddress],
  ] as const) {
    if (isReservedHost(value) || MAILBOX_PROVIDERS.has(hostOf(value)))
      found.push(`${setting} ${value}`);
  }
  for (const email of values.alertEmails) {
    if (isReservedHost(email)) found.push(`monitoring.alertEmails ${email}`);
  }
  return found;
};

/** The account the CDK CLI's credentials belong to, when it found any (CDK_DEFAULT_ACCOUNT). */
export interface DeployTarget {
  account?: string | undefined;
}

/**
 * Refuses to synthesize a stage for credentials of another account. Without
 * credentials (offline `cdk synth`, the tests) there is nothing to compare.
 * The region is not compared: the CLI always names one (us-east-1 when
 * nothing is configured), and the stacks carry the stage's own region, so
 * `cdk deploy` goes there whatever the CLI's default is.
 */
export const assertDeployTarget = (
  stage: { name: string; aws: { account: string } },
  target: DeployTarget
): void => {
  const { account } = stage.aws;
  if (target.account && target.account !== account) {
    throw new StageGuardError(
      `stage ${stage.name} deploys to account ${account}, but the credentials are for ${target.account}`
    );
  }
};
