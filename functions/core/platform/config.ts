/**
 * The only place that reads process.env. Each group is read once, at the
 * cold start of the module that needs it, and throws when a variable is
 * missing or empty so a misconfigured function fails before its first call.
 */

export class ConfigurationError extends Error {
  constructor(name: string, problem = 'is required but missing or empty') {
    super(`Environment variable ${name} ${problem}`);
    this.name = 'ConfigurationError';
  }
}

export const requiredEnv = (name: string): string => {
  const value = process.env[name]?.trim();
  if (!value) throw new ConfigurationError(name);
  return value;
};

/** Optional values (emulator endpoints) are undefined when unset or empty. */
export const optionalEnv = (name: string): string | undefined =>
  process.env[name]?.trim() || undefined;

export const ENV = {
  region: 'AWS_REGION',
  tableName: 'TABLE_NAME',
  dynamoEndpoint: 'DYNAMODB_ENDPOINT',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  staffUserPoolId: 'STAFF_USER_POOL_ID',
  staffUserPoolClientId: 'STAFF_USER_POOL_CLIENT_ID',
  cognitoEndpoint: 'COGNITO_ENDPOINT',
  sesEndpoint: 'SES_ENDPOINT',
  mailFrom: 'MAIL_FROM',
  mailConfigurationSet: 'MAIL_CONFIGURATION_SET',
  mailMaxSendRate: 'MAIL_MAX_SEND_RATE',
  mailSenders: 'MAIL_SENDERS',
  messageIdDomain: 'MESSAGE_ID_DOMAIN',
  supportAddress: 'SUPPORT_ADDRESS',
  cursorSecret: 'CURSOR_SECRET',
  unsubscribeSecret: 'UNSUBSCRIBE_SECRET',
  publicApiUrl: 'PUBLIC_API_URL',
  invoiceBucket: 'INVOICE_BUCKET',
  mailBucket: 'MAIL_BUCKET',
  s3Endpoint: 'S3_ENDPOINT',
  logLevel: 'LOG_LEVEL',
} as const;

export const readTableConfig = () => ({
  region: requiredEnv(ENV.region),
  tableName: requiredEnv(ENV.tableName),
  endpoint: optionalEnv(ENV.dynamoEndpoint),
});

export const readUserPoolConfig = () => ({
  region: requiredEnv(ENV.region),
  userPoolId: requiredEnv(ENV.userPoolId),
  userPoolClientId: requiredEnv(ENV.userPoolClientId),
  endpoint: optionalEnv(ENV.cognitoEndpoint),
});

/** The staff pool: read by functions serving `/staff/*` routes (and `GET /config`). */
export const readStaffPoolConfig = () => ({
  region: requiredEnv(ENV.region),
  userPoolId: requiredEnv(ENV.staffUserPoolId),
  userPoolClientId: requiredEnv(ENV.staffUserPoolClientId),
  endpoint: optionalEnv(ENV.cognitoEndpoint),
});

/**
 * Every function that sends mail: the From address and the stage's SES
 * configuration set (its events feed bounces and complaints back). The
 * endpoint (the emulator's, locally) is read here at cold start like the
 * other clients', not by the SDK when the client is first built: a process
 * that hosts two local stacks must not send one stack's mail to the other.
 */
export const readMailConfig = () => ({
  region: requiredEnv(ENV.region),
  from: requiredEnv(ENV.mailFrom),
  configurationSet: requiredEnv(ENV.mailConfigurationSet),
  endpoint: optionalEnv(ENV.sesEndpoint),
});

const positiveNumber = (name: string, max: number): number => {
  const raw = requiredEnv(name);
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new ConfigurationError(name, `must be a number above 0 and at most ${max}; got "${raw}"`);
  }
  return value;
};

/**
 * The mailer's pace: the stage's send rate (mails per second, kept under
 * SES's MaxSendRate) shared by at most `senders` instances at once (the
 * function's reserved concurrency), so each waits `senders / rate` seconds
 * between two sends.
 */
export const readSendRateConfig = () => {
  const maxSendRate = positiveNumber(ENV.mailMaxSendRate, 10_000);
  const senders = positiveNumber(ENV.mailSenders, 1_000);
  return { maxSendRate, senders, pauseMs: (1000 * senders) / maxSendRate };
};

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * The right-hand side of the RFC 5322 Message-IDs given to ticket messages
 * (`<id@domain>`): a domain of ours, so replies thread back to us.
 */
export const readMessageIdConfig = () => {
  const domain = requiredEnv(ENV.messageIdDomain).toLowerCase();
  if (!DOMAIN.test(domain)) {
    throw new ConfigurationError(ENV.messageIdDomain, `must be a domain name; got "${domain}"`);
  }
  return { domain };
};

const ADDRESS = /^[^@\s+]+@[^@\s]+\.[^@\s]+$/;

/**
 * The helpdesk's address: ticket mail answers to `<local>+<ticketId>@<domain>`
 * of it, so it carries no `+` of its own.
 */
export const readSupportMailConfig = () => {
  const address = requiredEnv(ENV.supportAddress);
  if (!ADDRESS.test(address)) {
    throw new ConfigurationError(
      ENV.supportAddress,
      `must be an email address without "+"; got "${address}"`
    );
  }
  return { address };
};

/** The shortest cursor secret accepted: 32 characters (the AES-256 key is derived from it). */
export const CURSOR_SECRET_MIN_LENGTH = 32;

/** A secret at least this long: the keys are derived from it (HKDF-SHA256). */
const secretOf = (name: string) => {
  const secret = requiredEnv(name);
  if (secret.length < CURSOR_SECRET_MIN_LENGTH) {
    throw new ConfigurationError(name, `must be at least ${CURSOR_SECRET_MIN_LENGTH} characters`);
  }
  return secret;
};

/**
 * The secret pagination cursors are sealed with (core/db/cursor.ts): read by
 * functions that serve lists. In AWS a generated Secrets Manager secret,
 * resolved into the function's environment at deploy (docs/adr/0001).
 */
export const readCursorConfig = () => ({ secret: secretOf(ENV.cursorSecret) });

/**
 * The secret unsubscribe links are signed with (core/mail/unsubscribe-token.ts):
 * read by the function that answers the links (contacts) and the workers
 * that put them in mail. Its own secret, not the cursors': rotating one
 * must not void the other (docs/adr/0006-unsubscribe-links.md).
 */
export const readUnsubscribeConfig = () => ({ secret: secretOf(ENV.unsubscribeSecret) });

/**
 * Where the API answers on the internet (`https://api.example.com/`, or the
 * HTTP API's own URL): unsubscribe links in mail point there. Plain http
 * only for a local address (the local gateway).
 */
export const readPublicApiConfig = () => {
  const raw = requiredEnv(ENV.publicApiUrl);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(ENV.publicApiUrl, `must be a URL; got "${raw}"`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new ConfigurationError(ENV.publicApiUrl, `must be an https URL; got "${raw}"`);
  }
  if (url.search || url.hash || url.username) {
    throw new ConfigurationError(ENV.publicApiUrl, `must be a plain base URL; got "${raw}"`);
  }
  return { baseUrl: url.href.endsWith('/') ? url.href : `${url.href}/` };
};

/**
 * The bucket of invoice PDFs: read by the functions that upload them
 * (staff) or hand out download links (billing). Locally `S3_ENDPOINT`
 * points at the S3 emulator (path-style addresses).
 */
export const readInvoiceBucketConfig = () => ({
  region: requiredEnv(ENV.region),
  bucket: requiredEnv(ENV.invoiceBucket),
  endpoint: optionalEnv(ENV.s3Endpoint),
});

/**
 * The mail bucket: the raw MIME SES stores for support (`inbound/`) and the
 * attachments kept under their tickets (`attachments/`). Read by the inbound
 * function (reads raw mail, stores attachments) and the tickets function
 * (download links).
 */
export const readMailBucketConfig = () => ({
  region: requiredEnv(ENV.region),
  bucket: requiredEnv(ENV.mailBucket),
  endpoint: optionalEnv(ENV.s3Endpoint),
});

/**
 * The mail bucket as the tickets function reads it (ticket attachments:
 * download links, uploads): undefined on a stage that names no mail bucket
 * yet, where messages list their files without links and uploads are 503.
 */
export const readOptionalMailBucketConfig = () => {
  const bucket = optionalEnv(ENV.mailBucket);
  return bucket === undefined ? undefined : { ...readMailBucketConfig(), bucket };
};
