/**
 * The environment the functions read at import time (functions/core/platform/config.ts
 * ENV), filled with values that satisfy every required variable without
 * pointing at real AWS. Both the cold-import children and the in-process
 * overhead step use it, so a variable added to ENV reaches both.
 */
import { ENV } from '#core/platform/config';

type EnvKey = keyof typeof ENV;

const VALUES: Partial<Record<EnvKey, string>> = {
  region: 'eu-west-1',
  tableName: 'portico-bench',
  userPoolId: 'eu-west-1_bench',
  userPoolClientId: 'bench-client',
  staffUserPoolId: 'eu-west-1_benchstaff',
  staffUserPoolClientId: 'bench-staff-client',
  mailFrom: 'no-reply@portico.example',
  mailConfigurationSet: 'portico-bench',
  mailMaxSendRate: '14',
  mailSenders: '1',
  messageIdDomain: 'portico.example',
  supportAddress: 'support@portico.example',
  cursorSecret: 'bench-cursor-secret-at-least-32-characters',
  unsubscribeSecret: 'bench-unsubscribe-secret-at-least-32-characters',
  publicApiUrl: 'https://api.portico.example/',
  logLevel: 'silent',
};

/** Emulator endpoints are optional and unset in AWS; they stay unset unless overridden. */
const isOptional = (key: EnvKey): boolean => key.endsWith('Endpoint');

/** Discard port: an SDK call the bench did not mean to make fails at once instead of reaching AWS. */
const NOWHERE = 'http://127.0.0.1:9';

export const functionEnv = (
  overrides: Partial<Record<EnvKey, string>> = {}
): Record<string, string> => {
  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_ENDPOINT_URL_DYNAMODB: overrides.dynamoEndpoint ?? NOWHERE,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: NOWHERE,
    AWS_ENDPOINT_URL_SESV2: NOWHERE,
    AWS_ENDPOINT_URL_SES: NOWHERE,
    // Lambda runs Node 24; the SDK's "Node 20 support ends" warning is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  for (const [key, name] of Object.entries(ENV) as [EnvKey, string][]) {
    const value = overrides[key] ?? VALUES[key] ?? (isOptional(key) ? undefined : `bench-${key}`);
    if (value !== undefined) env[name] = value;
  }
  return env;
};
