/**
 * Runs in every worker of the unit and infra projects: their tests exercise
 * pure logic and never reach an emulator, but some modules they import read
 * their configuration when loaded. These values satisfy that reading, and
 * every endpoint is a closed local port, so a unit test that made a network
 * call by mistake fails at once instead of reaching anything.
 */
import { ENV } from '#core/platform/config';

const CLOSED_PORT = 'http://127.0.0.1:9';

const UNIT_ENV: Record<string, string> = {
  [ENV.region]: 'local',
  [ENV.tableName]: 'portico-unit',
  [ENV.dynamoEndpoint]: CLOSED_PORT,
  [ENV.userPoolId]: 'local_unit',
  [ENV.userPoolClientId]: 'unit-client',
  [ENV.staffUserPoolId]: 'local_unitstaff',
  [ENV.staffUserPoolClientId]: 'unit-staff-client',
  [ENV.cognitoEndpoint]: CLOSED_PORT,
  [ENV.mailFrom]: 'Portico <no-reply@unit.example>',
  [ENV.mailConfigurationSet]: 'portico-unit',
  [ENV.mailMaxSendRate]: '1000',
  [ENV.mailSenders]: '1',
  [ENV.messageIdDomain]: 'unit.example',
  [ENV.supportAddress]: 'support@unit.example',
  // 32 bytes, base64: cursors sealed in unit tests open only in unit tests.
  [ENV.cursorSecret]: Buffer.alloc(32, 7).toString('base64'),
  [ENV.unsubscribeSecret]: 'unit-unsubscribe-secret-of-at-least-32-characters',
  [ENV.publicApiUrl]: 'https://api.unit.example/',
  [ENV.invoiceBucket]: 'portico-unit-invoices',
  [ENV.mailBucket]: 'portico-unit-mail',
  [ENV.s3Endpoint]: CLOSED_PORT,
  [ENV.logLevel]: 'silent',
  AWS_ACCESS_KEY_ID: 'unit',
  AWS_SECRET_ACCESS_KEY: 'unit',
  AWS_ENDPOINT_URL_SESV2: CLOSED_PORT,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

// Set, not defaulted: a shell with real AWS settings must not point a unit test at them.
for (const [name, value] of Object.entries(UNIT_ENV)) process.env[name] = value;
