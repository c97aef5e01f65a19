/** The SES v2 client of a function that sends mail, created once at module scope. */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { readMailConfig } from '../config.ts';

const config = readMailConfig();

export const mailFrom = config.from;

export const ses = new SESv2Client({ region: config.region });
