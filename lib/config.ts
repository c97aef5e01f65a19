/**
 * Typed per-stage settings. The values live in cdk.json under
 * `context["portico:stages"]` so an operator can change them without touching
 * code; this module owns their shape and refuses anything malformed before a
 * single construct is created. No CDK imports, so scripts can use it too.
 */

import { ACCOUNT_ID, prodPlaceholders, REGION, StageGuardError } from './stage-guards.ts';

export const STAGE_NAMES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** The cdk.json context key holding `{ dev: {...}, prod: {...} }`. */
export const STAGES_CONTEXT_KEY = 'portico:stages';

/** CloudWatch Logs only accepts these retention periods (days). */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;
export type LogRetentionDays = (typeof RETENTION_DAYS)[number];

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const REMOVAL = ['retain', 'destroy'] as const;
const USER_POOL_PLANS = ['lite', 'essentials', 'plus'] as const;
/** Password sign-in flows an app client may allow (CDK `authFlows` keys). */
const AUTH_FLOWS = ['userSrp', 'userPassword'] as const;
export type AuthFlow = (typeof AUTH_FLOWS)[number];
/** How a front end signs in to a pool: SRP (the password never leaves the browser) or the password itself. */
export type SignInFlow = 'srp' | 'password';

/** SRP wherever the app client allows it; the password flow only where SRP is not allowed. */
export const signInFlowOf = (authFlows: readonly AuthFlow[]): SignInFlow =>
  authFlows.includes('userSrp') ? 'srp' : 'password';

export interface StageConfig {
  name: StageName;
  /** Where the stage lives; the app refuses credentials for anywhere else (lib/stage-guards.ts). */
  aws: { account: string; region: string };
  /** Retention of every log group the app creates (functions, API access logs). */
  logRetentionDays: LogRetentionDays;
  /** What happens to log groups when the stateless stack is deleted. */
  logRemovalPolicy: (typeof REMOVAL)[number];
  /** LOG_LEVEL given to every function. */
  logLevel: (typeof LOG_LEVELS)[number];
  lambda: { memoryMb: number; timeoutSeconds: number };
  api: {
    /** Portal origins allowed by CORS; never `*` (the API takes bearer tokens). */
    corsAllowOrigins: string[];
    /** Stage-wide default throttling (requests per second, burst). */
    throttleRateLimit: number;
    throttleBurstLimit: number;
    /**
     * The API's public base URL (a custom domain, `https://api.example.com/`)
     * that links in mail point to; unset, the HTTP API's own URL.
     */
    publicUrl?: string;
  };
  userPool: {
    /**
     * Cognito tier of both pools: `lite` keeps what the design needs (hidden
     * user existence, staff TOTP); `plus` adds threat protection, billed per
     * active user (docs/cost.md).
     */
    featurePlan: (typeof USER_POOL_PLANS)[number];
    /** Password flows of both app clients: `userSrp` for the front ends on AWS, `userPassword` for scripts and the emulator. */
    authFlows: AuthFlow[];
  };
  mail: {
    /** An SES identity (domain or address) the operator has verified in the stage's region. */
    identity: string;
    /** The From address of transactional mail; must belong to `identity`. */
    fromAddress: string;
    /**
     * Mails per second the mailer may send, at most the account's SES
     * MaxSendRate minus headroom for the outbox's security mail.
     */
    maxSendRate: number;
    /** The mailer's reserved concurrency: how many instances share `maxSendRate`. */
    senders: number;
  };
  monitoring: MonitoringSettings;
  inbound: InboundSettings;
  /** X-Ray: off unless switched on (it is billed per trace); see docs/deploy.md. */
  tracing: { enabled: boolean; samplingRate: number };
  /**
   * The version of each generated secret the functions get (docs/deploy.md,
   * "Rotating a secret"). Unset: the current one when the function last
   * changed. CloudFormation resolves a secret again only when it updates a
   * function; a new version here changes every holder's reference, so all
   * of them take the new value in one deploy.
   */
  secretVersions: { cursor?: string; unsubscribe?: string };
}

/** The alert topic's subscribers and the alarm thresholds (lib/constructs/monitoring.ts). */
export interface MonitoringSettings {
  /** Confirmed by each address (SNS mails a link); at least one in prod. */
  alertEmails: string[];
  /** Share of API requests answered 5xx (0.01 = 1 %) over 5 minutes. */
  api5xxRate: number;
  /** p99 of the API's latency over 5 minutes, in milliseconds. */
  apiP99LatencyMs: number;
  /** Errors (crashes, timeouts) of one function in 5 minutes. */
  functionErrors: number;
  /** Throttled invocations of one function in 5 minutes. */
  functionThrottles: number;
  /** Age of the oldest record a stream consumer has yet to read, in seconds. */
  iteratorAgeSeconds: number;
  /** SES account bounce rate (0.02 = 2 %); SES reviews an account at 5 %. */
  sesBounceRate: number;
  /** SES account complaint rate (0.0005 = 0.05 %); SES reviews an account at 0.1 %. */
  sesComplaintRate: number;
}

/** Mail to support through SES receiving (lib/constructs/inbound-mail.ts, mail-bucket.ts). */
export interface InboundSettings {
  /**
   * The address customers write to; SES's rule also takes its `+` tags. Its
   * domain must be verified in SES for receiving. Default `support@` the mail domain.
   */
  supportAddress: string;
  /** Days a raw message stays under `inbound/` in the mail bucket. */
  rawMailDays: number;
  /** Instances the inbound function may run at most (SES retries a throttled mail). */
  reservedConcurrency: number;
}

/**
 * Days a dead-letter queue keeps failed work (lib/constructs/dead-letters.ts);
 * raw mail lives at least as long, so a parked receipt can always be replayed.
 */
export const DEAD_LETTER_DAYS = 14;

export const INBOUND_DEFAULTS: Omit<InboundSettings, 'supportAddress'> = {
  rawMailDays: 30,
  reservedConcurrency: 5,
};

/** What a stage gets for any threshold its `monitoring` block leaves out. */
export const MONITORING_DEFAULTS: Omit<MonitoringSettings, 'alertEmails'> = {
  api5xxRate: 0.01,
  apiP99LatencyMs: 3000,
  functionErrors: 1,
  functionThrottles: 1,
  iteratorAgeSeconds: 900,
  sesBounceRate: 0.02,
  sesComplaintRate: 0.0005,
};

/** X-Ray's own default rate (beyond one trace a second), used when tracing is on and no rate is given. */
export const DEFAULT_SAMPLING_RATE = 0.05;

export class StageConfigError extends Error {
  constructor(message: string) {
    super(`Invalid stage configuration: ${message}`);
    this.name = 'StageConfigError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const oneOf = <T extends string | number>(allowed: readonly T[], value: unknown, at: string): T => {
  if (!allowed.includes(value as T)) {
    throw new StageConfigError(`${at} must be one of ${allowed.join(', ')}; got ${String(value)}`);
  }
  return value as T;
};

const positiveInt = (value: unknown, at: string, max: number): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new StageConfigError(`${at} must be an integer from 1 to ${max}; got ${String(value)}`);
  }
  return value;
};

const record = (value: unknown, at: string): Record<string, unknown> => {
  if (!isRecord(value)) throw new StageConfigError(`${at} must be an object`);
  return value;
};

const origins = (value: unknown, at: string): string[] => {
  if (!Array.isArray(value) || value.length === 0) {
    throw new StageConfigError(`${at} must be a non-empty list of origins`);
  }
  return value.map((origin, index) => {
    if (typeof origin !== 'string' || !/^https?:\/\/[^/*\s]+$/.test(origin)) {
      throw new StageConfigError(
        `${at}[${index}] must be an origin like https://portal.example.com`
      );
    }
    return origin;
  });
};

/** An https base URL without query or fragment, ending in `/` (links are built under it). */
const publicUrl = (value: unknown, at: string): string => {
  if (typeof value !== 'string' || !/^https:\/\/[^/?#*\s]+(\/[^?#\s]*)?\/$/.test(value)) {
    throw new StageConfigError(
      `${at} must be an https URL ending in /, like https://api.example.com/`
    );
  }
  return value;
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i;

const mailSettings = (value: unknown, at: (path: string) => string): StageConfig['mail'] => {
  const mail = record(value, at('mail'));
  const { identity, fromAddress, maxSendRate, senders } = mail;
  if (typeof identity !== 'string' || !(DOMAIN.test(identity) || EMAIL.test(identity))) {
    throw new StageConfigError(`${at('mail.identity')} must be a domain or an email address`);
  }
  if (typeof fromAddress !== 'string' || !EMAIL.test(fromAddress)) {
    throw new StageConfigError(`${at('mail.fromAddress')} must be an email address`);
  }
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1).toLowerCase();
  if (fromAddress.toLowerCase() !== identity.toLowerCase() && domain !== identity.toLowerCase()) {
    throw new StageConfigError(`${at('mail.fromAddress')} must be ${identity} or an address at it`);
  }
  return {
    identity,
    fromAddress,
    maxSendRate: positiveInt(maxSendRate, at('mail.maxSendRate'), 10_000),
    senders: positiveInt(senders, at('mail.senders'), 100),
  };
};

const fraction = (value: unknown, at: string): number => {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    throw new StageConfigError(
      `${at} must be a number above 0 and at most 1; got ${String(value)}`
    );
  }
  return value;
};

const monitoringSettings = (
  value: unknown,
  stage: StageName,
  at: (path: string) => string
): MonitoringSettings => {
  const raw = value === undefined ? {} : record(value, at('monitoring'));
  const emails = raw.alertEmails ?? [];
  if (
    !Array.isArray(emails) ||
    emails.some((email) => typeof email !== 'string' || !EMAIL.test(email))
  ) {
    throw new StageConfigError(`${at('monitoring.alertEmails')} must be a list of email addresses`);
  }
  if (stage === 'prod' && emails.length === 0) {
    throw new StageConfigError(
      `${at('monitoring.alertEmails')} needs at least one address in prod`
    );
  }
  const d = MONITORING_DEFAULTS;
  const count = (
    key: 'apiP99LatencyMs' | 'functionErrors' | 'functionThrottles' | 'iteratorAgeSeconds',
    max: number
  ) => positiveInt(raw[key] ?? d[key], at(`monitoring.${key}`), max);
  const rate = (key: 'api5xxRate' | 'sesBounceRate' | 'sesComplaintRate') =>
    fraction(raw[key] ?? d[key], at(`monitoring.${key}`));
  return {
    alertEmails: emails as string[],
    api5xxRate: rate('api5xxRate'),
    apiP99LatencyMs: count('apiP99LatencyMs', 30_000),
    functionErrors: count('functionErrors', 10_000),
    functionThrottles: count('functionThrottles', 10_000),
    iteratorAgeSeconds: count('iteratorAgeSeconds', 86_400),
    sesBounceRate: rate('sesBounceRate'),
    sesComplaintRate: rate('sesComplaintRate'),
  };
};

/** No `+` of its own: ticket mail answers to `<local>+<ticketId>@` it (functions read it so). */
const SUPPORT_ADDRESS = /^[^@\s+]+@[^@\s]+\.[^@\s]+$/;

const inboundSettings = (
  value: unknown,
  mail: StageConfig['mail'],
  at: (path: string) => string
): InboundSettings => {
  const raw = value === undefined ? {} : record(value, at('inbound'));
  const supportAddress = raw.supportAddress ?? `support@${mailDomainOf({ mail })}`;
  if (
    typeof supportAddress !== 'string' ||
    !SUPPORT_ADDRESS.test(supportAddress) ||
    !DOMAIN.test(supportAddress.slice(supportAddress.lastIndexOf('@') + 1))
  ) {
    throw new StageConfigError(
      `${at('inbound.supportAddress')} must be an email address without "+"`
    );
  }
  const rawMailDays = positiveInt(
    raw.rawMailDays ?? INBOUND_DEFAULTS.rawMailDays,
    at('inbound.rawMailDays'),
    3650
  );
  if (rawMailDays < DEAD_LETTER_DAYS) {
    throw new StageConfigError(
      `${at('inbound.rawMailDays')} must be at least ${DEAD_LETTER_DAYS}, the dead-letter queue's retention; got ${rawMailDays}`
    );
  }
  return {
    supportAddress: supportAddress.toLowerCase(),
    rawMailDays,
    reservedConcurrency: positiveInt(
      raw.reservedConcurrency ?? INBOUND_DEFAULTS.reservedConcurrency,
      at('inbound.reservedConcurrency'),
      100
    ),
  };
};

const tracingSettings = (value: unknown, at: (path: string) => string): StageConfig['tracing'] => {
  const raw = value === undefined ? {} : record(value, at('tracing'));
  const enabled = raw.enabled ?? false;
  if (typeof enabled !== 'boolean') {
    throw new StageConfigError(`${at('tracing.enabled')} must be true or false`);
  }
  return {
    enabled,
    samplingRate: fraction(raw.samplingRate ?? DEFAULT_SAMPLING_RATE, at('tracing.samplingRate')),
  };
};

/** What `aws secretsmanager put-secret-value` prints as VersionId (a UUID). */
const SECRET_VERSION_ID = /^[A-Za-z0-9-]{32,64}$/;

const secretVersions = (
  value: unknown,
  at: (path: string) => string
): StageConfig['secretVersions'] => {
  const raw = value === undefined ? {} : record(value, at('secretVersions'));
  const secrets = ['cursor', 'unsubscribe'] as const;
  // A misspelt key would leave the functions on the old reference: refused, not ignored.
  const unknown = Object.keys(raw).filter((key) => !secrets.includes(key as never));
  if (unknown.length > 0) {
    throw new StageConfigError(
      `${at('secretVersions')} names ${unknown.join(', ')}; it takes ${secrets.join(' and ')}`
    );
  }
  const versions: StageConfig['secretVersions'] = {};
  for (const secret of secrets) {
    const id = raw[secret];
    if (id === undefined) continue;
    if (typeof id !== 'string' || !SECRET_VERSION_ID.test(id)) {
      throw new StageConfigError(
        `${at(`secretVersions.${secret}`)} must be a Secrets Manager version id (the VersionId put-secret-value prints)`
      );
    }
    versions[secret] = id;
  }
  return versions;
};

const awsTarget = (value: unknown, at: (path: string) => string): StageConfig['aws'] => {
  const aws = record(value, at('aws'));
  if (typeof aws.account !== 'string' || !ACCOUNT_ID.test(aws.account)) {
    throw new StageConfigError(`${at('aws.account')} must be a 12-digit AWS account id`);
  }
  if (typeof aws.region !== 'string' || !REGION.test(aws.region)) {
    throw new StageConfigError(`${at('aws.region')} must be an AWS region like eu-central-1`);
  }
  return { account: aws.account, region: aws.region };
};

const authFlows = (value: unknown, at: string): AuthFlow[] => {
  if (!Array.isArray(value) || value.length === 0) {
    throw new StageConfigError(`${at} must list at least one of ${AUTH_FLOWS.join(', ')}`);
  }
  return [...new Set(value.map((flow, index) => oneOf(AUTH_FLOWS, flow, `${at}[${index}]`)))];
};

/** Validates one stage's raw settings (from cdk.json context) into a StageConfig. */
export const parseStageConfig = (stage: unknown, stages: unknown): StageConfig => {
  const name = oneOf(STAGE_NAMES, stage, 'stage');
  const raw = record(record(stages, STAGES_CONTEXT_KEY)[name], `${STAGES_CONTEXT_KEY}.${name}`);
  const at = (path: string) => `${STAGES_CONTEXT_KEY}.${name}.${path}`;
  const lambda = record(raw.lambda, at('lambda'));
  const api = record(raw.api, at('api'));
  const userPool = record(raw.userPool, at('userPool'));
  const mail = mailSettings(raw.mail, at);
  const config: StageConfig = {
    name,
    aws: awsTarget(raw.aws, at),
    logRetentionDays: oneOf(RETENTION_DAYS, raw.logRetentionDays, at('logRetentionDays')),
    logRemovalPolicy: oneOf(REMOVAL, raw.logRemovalPolicy, at('logRemovalPolicy')),
    logLevel: oneOf(LOG_LEVELS, raw.logLevel, at('logLevel')),
    lambda: {
      memoryMb: positiveInt(lambda.memoryMb, at('lambda.memoryMb'), 10_240),
      timeoutSeconds: positiveInt(lambda.timeoutSeconds, at('lambda.timeoutSeconds'), 29),
    },
    api: {
      corsAllowOrigins: origins(api.corsAllowOrigins, at('api.corsAllowOrigins')),
      throttleRateLimit: positiveInt(api.throttleRateLimit, at('api.throttleRateLimit'), 10_000),
      throttleBurstLimit: positiveInt(api.throttleBurstLimit, at('api.throttleBurstLimit'), 5_000),
      ...(api.publicUrl === undefined
        ? {}
        : { publicUrl: publicUrl(api.publicUrl, at('api.publicUrl')) }),
    },
    userPool: {
      featurePlan: oneOf(USER_POOL_PLANS, userPool.featurePlan, at('userPool.featurePlan')),
      authFlows: authFlows(userPool.authFlows, at('userPool.authFlows')),
    },
    mail,
    monitoring: monitoringSettings(raw.monitoring, name, at),
    inbound: inboundSettings(raw.inbound, mail, at),
    tracing: tracingSettings(raw.tracing, at),
    secretVersions: secretVersions(raw.secretVersions, at),
  };
  if (name === 'prod') {
    const placeholders = prodPlaceholders({
      aws: config.aws,
      corsAllowOrigins: config.api.corsAllowOrigins,
      publicUrl: config.api.publicUrl,
      mailIdentity: config.mail.identity,
      fromAddress: config.mail.fromAddress,
      supportAddress: config.inbound.supportAddress,
      alertEmails: config.monitoring.alertEmails,
    });
    if (placeholders.length > 0) {
      throw new StageGuardError(
        `${STAGES_CONTEXT_KEY}.prod still holds placeholders: ${placeholders.join('; ')}`
      );
    }
  }
  return config;
};

/** The domain of the stage's From address: ours, so it also ends our Message-IDs. */
export const mailDomainOf = (stage: Pick<StageConfig, 'mail'>): string =>
  stage.mail.fromAddress.slice(stage.mail.fromAddress.lastIndexOf('@') + 1).toLowerCase();

/** The stage's SES configuration set, named in every mail: Portico's own and Cognito's. */
export const mailConfigurationSetOf = (stage: Pick<StageConfig, 'name'>): string =>
  `portico-${stage.name}`;

/** The helpdesk's address (`inbound.supportAddress`): ticket mail's replies go to its `+<ticketId>` form. */
export const supportAddressOf = (stage: Pick<StageConfig, 'inbound'>): string =>
  stage.inbound.supportAddress;
