/**
 * The SES v2 client of a function that sends mail. Settings are read (and
 * checked) at cold start; the client is built on first use.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { readMailConfig } from '../config.ts';

const config = readMailConfig();

export const mailFrom = config.from;

let client: SESv2Client | undefined;

export const ses = (): SESv2Client => {
  client ??= new SESv2Client({ region: config.region });
  return client;
};
