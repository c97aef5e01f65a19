/**
 * A delivery as an SES v2 SendEmail call, and what SES's errors mean for it.
 * Subject and header values are forced onto one line, so no stored text can
 * add a header.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Delivery } from '#core/entities/delivery';
import { mailConfigurationSet, mailFrom, ses } from '#core/platform/clients/ses';
import { SEND_ATTEMPT_TIMEOUT_MS } from './claim.ts';

const singleLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

/** Tag values may hold letters, digits, `_` and `-` only. */
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);

export const sendEmailInput = (delivery: Delivery) => ({
  FromEmailAddress: mailFrom,
  Destination: { ToAddresses: [delivery.address] },
  ConfigurationSetName: mailConfigurationSet,
  EmailTags: [
    { Name: 'category', Value: tagValue(delivery.category) },
    { Name: 'account', Value: tagValue(delivery.accountId) },
  ],
  Content: {
    Simple: {
      Subject: { Data: singleLine(delivery.subject), Charset: 'UTF-8' },
      Body: {
        Text: { Data: delivery.text, Charset: 'UTF-8' },
        Html: { Data: delivery.html, Charset: 'UTF-8' },
      },
      Headers: Object.entries(delivery.headers).map(([name, value]) => ({
        Name: singleLine(name),
        Value: singleLine(value),
      })),
    },
  },
});

/**
 * Sends one delivery; SES's MessageId. The mailer retries, so the SDK does
 * not; an attempt is abandoned after its timeout, so a claim's lease covers
 * every attempt (claim.ts).
 */
export const sendThroughSes = async (delivery: Delivery): Promise<string> => {
  const { MessageId } = await ses(1).send(new SendEmailCommand(sendEmailInput(delivery)), {
    abortSignal: AbortSignal.timeout(SEND_ATTEMPT_TIMEOUT_MS),
  });
  if (!MessageId) throw new Error('SES accepted the mail without a MessageId');
  return MessageId;
};

const nameOf = (error: unknown) => (error instanceof Error ? error.name : '');

/** SES refuses for now: too fast (MaxSendRate) or over the day's quota. */
export const isThrottling = (error: unknown): boolean => {
  const name = nameOf(error);
  return (
    [
      'TooManyRequestsException',
      'LimitExceededException',
      'Throttling',
      'ThrottlingException',
    ].includes(name) ||
    /quota exceeded|sending rate exceeded/i.test(error instanceof Error ? error.message : '')
  );
};

/**
 * SES refuses this mail for good (the address or the message): retrying
 * would only be refused again, so the delivery ends `failed`.
 */
export const isPermanentRefusal = (error: unknown): boolean =>
  ['MessageRejected', 'BadRequestException'].includes(nameOf(error));
