/**
 * Transactional (security) mail: sent to the person concerned whatever their
 * preferences. Subjects are single-line so user data can never inject headers.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mailFrom, ses } from './clients/ses.ts';

export interface SecurityMail {
  to: string;
  subject: string;
  text: string;
}

const singleLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

export const sendSecurityMail = async (mail: SecurityMail): Promise<void> => {
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: mailFrom,
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

/** `a****@example.com`: enough for the owner to recognise, little for anyone else. */
export const maskEmail = (email: string) => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(local.length - 1, 1))}@${domain}`;
};
