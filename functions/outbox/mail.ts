/**
 * Sends one mail through SES v2. Used by the outbox function only; API
 * functions write mail as outbox tasks. Subjects are forced onto one line
 * so user data can never inject headers.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mailConfigurationSet, mailFrom, ses } from '#core/platform/clients/ses';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

const singleLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

export const sendMail = async (mail: OutgoingMail): Promise<void> => {
  await ses().send(
    new SendEmailCommand({
      FromEmailAddress: mailFrom,
      ConfigurationSetName: mailConfigurationSet,
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: singleLine(mail.subject), Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    })
  );
};
