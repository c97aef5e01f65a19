/**
 * The SES v2 client of a function that sends mail. Settings are read (and
 * checked) at cold start; the client is built on first use.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { readMailConfig } from '../config.ts';

const config = readMailConfig();

export const mailFrom = config.from;
/** Every mail names it, so SES reports its deliveries, bounces and complaints. */
export const mailConfigurationSet = config.configurationSet;

const clients = new Map<number, SESv2Client>();

/**
 * `maxAttempts` 1 leaves retrying to the caller (the mailer paces and backs
 * off itself); the default keeps the SDK's standard retries.
 */
export const ses = (maxAttempts = 3): SESv2Client => {
  let client = clients.get(maxAttempts);
  if (!client) {
    client = new SESv2Client({ region: config.region, endpoint: config.endpoint, maxAttempts });
    clients.set(maxAttempts, client);
  }
  return client;
};
