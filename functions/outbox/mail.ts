/**
 * Sends one mail through SES v2. Used by the outbox function only; API
 * functions write mail as outbox tasks. Subjects are forced onto one line
 * so user data can never inject headers.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { suppressionKeys } from '#core/entities/suppression';
import { mailConfigurationSet, mailFrom, ses } from '#core/platform/clients/ses';
import { logger } from '#core/platform/observability';
import type { TableStore } from '#core/table/store';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  autoReply?: true;
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
          // RFC 3834: other responders must not answer an automatic answer.
          ...(mail.autoReply
            ? { Headers: [{ Name: 'Auto-Submitted', Value: 'auto-replied' }] }
            : {}),
        },
      },
    })
  );
};

/**
 * Security mail skips an address SES reported as bouncing for good or
 * complaining: it would not arrive (SES drops it on its own suppression
 * list too), and sending it again hurts the stage's sending reputation.
 */
export const isSuppressed = async (store: TableStore, address: string) => {
  const item = await store.get({ Key: suppressionKeys(address), ConsistentRead: true });
  if (item)
    logger.warn('security mail not sent: the address is suppressed', { kind: 'suppressed' });
  return item !== undefined;
};

/** Sends the mail unless its address is suppressed; false when skipped. */
export const sendMailUnlessSuppressed = async (store: TableStore, mail: OutgoingMail) => {
  if (await isSuppressed(store, mail.to)) return false;
  await sendMail(mail);
  return true;
};
