/**
 * What a running local stack is (plain, serialisable data) and how it is
 * handed to Lambda code: through the same environment variables that the
 * CDK stack sets in AWS. Kept free of SDK imports so that test workers can
 * load it cheaply before any handler.
 */
import { randomBytes } from 'node:crypto';
import { ENV } from '#core/platform/config';

/** cognito-local names its pools `local_xxxxxxxx`; the region matches that prefix. */
export const LOCAL_REGION = 'local';

/**
 * The emulators accept any credentials; these make the SDK sign without a
 * profile. The S3 front accepts these only: presigned links are checked.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** Sender of local mail; the SES emulator accepts any address. Override with MAIL_FROM. */
export const LOCAL_MAIL_FROM = 'no-reply@portico.example';

/** The configuration set named in local mail (the emulator accepts any). */
export const LOCAL_MAIL_CONFIGURATION_SET = 'portico-local';

/**
 * Locally one poller sends (senders 1); the emulator has no quota, so the
 * pace only keeps the machine responsive. Override with MAIL_MAX_SEND_RATE.
 */
export const LOCAL_MAX_SEND_RATE = '2000';

/** Domain of the Message-IDs minted locally (the CDK uses the stage's From domain). */
export const LOCAL_MESSAGE_ID_DOMAIN = 'portico.example';

/** The helpdesk's address in local ticket mail (the CDK uses `support@` the stage's From domain). */
export const LOCAL_SUPPORT_ADDRESS = 'support@portico.example';

/** The local gateway's address with `npm start`'s default port; unsubscribe links in local mail point here. */
export const LOCAL_PUBLIC_API_URL = 'http://localhost:3000/';

export interface LocalStackInfo {
  region: string;
  tableName: string;
  dynamodbEndpoint: string;
  cognitoEndpoint: string;
  sesEndpoint: string;
  /** The S3 emulator's signature-checking front, and the invoice PDFs' bucket on it. */
  s3Endpoint: string;
  invoiceBucket: string;
  /** Raw inbound mail and ticket attachments (the inbound function's bucket). */
  mailBucket: string;
  userPoolId: string;
  userPoolClientId: string;
  /** The `iss` claim cognito-local writes: `<cognitoEndpoint>/<userPoolId>`. */
  issuer: string;
  jwksUri: string;
  /** The staff pool and the staff console's app client, with their issuer and JWKS. */
  staffUserPoolId: string;
  staffUserPoolClientId: string;
  staffIssuer: string;
  staffJwksUri: string;
}

/**
 * Points Lambda code at the emulators. Call it before importing any handler
 * or seed module: they read their configuration at import time.
 */
export const applyLocalStackEnv = (
  stack: LocalStackInfo,
  env: NodeJS.ProcessEnv = process.env
): void => {
  env[ENV.region] = stack.region;
  env[ENV.tableName] = stack.tableName;
  env[ENV.dynamoEndpoint] = stack.dynamodbEndpoint;
  env[ENV.userPoolId] = stack.userPoolId;
  env[ENV.userPoolClientId] = stack.userPoolClientId;
  env[ENV.staffUserPoolId] = stack.staffUserPoolId;
  env[ENV.staffUserPoolClientId] = stack.staffUserPoolClientId;
  env[ENV.cognitoEndpoint] = stack.cognitoEndpoint;
  env[ENV.sesEndpoint] = stack.sesEndpoint;
  env[ENV.invoiceBucket] = stack.invoiceBucket;
  env[ENV.mailBucket] = stack.mailBucket;
  env[ENV.s3Endpoint] = stack.s3Endpoint;
  env[ENV.mailFrom] ||= LOCAL_MAIL_FROM;
  env[ENV.mailConfigurationSet] ||= LOCAL_MAIL_CONFIGURATION_SET;
  env[ENV.mailMaxSendRate] ||= LOCAL_MAX_SEND_RATE;
  env[ENV.mailSenders] ||= '1';
  env[ENV.messageIdDomain] ||= LOCAL_MESSAGE_ID_DOMAIN;
  env[ENV.supportAddress] ||= LOCAL_SUPPORT_ADDRESS;
  // A fresh cursor secret per process (cursors of an earlier run are refused: a 400), unless set.
  env[ENV.cursorSecret] ||= randomBytes(32).toString('base64url');
  // Likewise for unsubscribe links: set once here, inherited by the processes the stack starts.
  env[ENV.unsubscribeSecret] ||= randomBytes(32).toString('base64url');
  // Where mailed links point: the local gateway (`npm start` sets its real port).
  env[ENV.publicApiUrl] ||= LOCAL_PUBLIC_API_URL;
  // Safety net: an SDK client built without an explicit endpoint still reaches
  // the emulator, never real AWS (SDK v3 reads AWS_ENDPOINT_URL_<SERVICE ID>).
  env.AWS_ENDPOINT_URL_DYNAMODB = stack.dynamodbEndpoint;
  env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = stack.cognitoEndpoint;
  env.AWS_ENDPOINT_URL_SESV2 = stack.sesEndpoint;
  env.AWS_ENDPOINT_URL_SES = stack.sesEndpoint;
  env.AWS_ENDPOINT_URL_S3 = stack.s3Endpoint;
  env.AWS_ACCESS_KEY_ID ||= LOCAL_CREDENTIALS.accessKeyId;
  env.AWS_SECRET_ACCESS_KEY ||= LOCAL_CREDENTIALS.secretAccessKey;
};
