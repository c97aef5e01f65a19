/**
 * Inbound mail for tests: raw messages composed with nodemailer's MIME
 * composer, delivered to the inbound rules as SES would hand them over
 * (local/ses-receipt.ts), with the raw MIME in a bucket of this process
 * (unit and integration cases; end-to-end tests go through SMTP).
 */
import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type { Contact } from '#core/entities/contact';
import type { BucketFiles } from '#core/platform/clients/bucket-files';
import { ObjectTooLargeError } from '#core/platform/clients/bucket-files';
import * as clock from '#core/platform/clock';
import type { TableStore } from '#core/table/store';
import { readReceipt } from '../../functions/inbound/event.ts';
import { type InboundDeps, processInbound } from '../../functions/inbound/process.ts';
import { type ReceiptVerdictStatuses, receiptEvent } from '../../local/ses-receipt.ts';
import { newAccount, storeAccount } from './store-accounts.ts';

export const SUPPORT = 'support@unit.example';
export const PASSING: ReceiptVerdictStatuses = { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' };

export const composeMail = (options: Mail.Options): Promise<Buffer> =>
  new MailComposer({
    to: SUPPORT,
    subject: 'Help please',
    text: 'My site is down.',
    messageId: `<${randomUUID()}@customer.example>`,
    ...options,
  })
    .compile()
    .build();

/** A bucket held in memory: what the inbound rules read and store. */
export const memoryBucket = () => {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const files: Pick<BucketFiles, 'getObject' | 'putObject'> = {
    getObject: async (key, maxBytes) => {
      const object = objects.get(key);
      if (object && object.body.length > maxBytes)
        throw new ObjectTooLargeError(object.body.length);
      return object?.body;
    },
    putObject: async (key, body, contentType) => void objects.set(key, { body, contentType }),
  };
  return { objects, files };
};

export interface Delivery {
  raw: Buffer;
  envelopeSender?: string;
  recipients?: string[];
  verdicts?: ReceiptVerdictStatuses;
  sesMessageId?: string;
}

/** Delivers mail to the inbound rules on `store`; the same SES message id may be delivered again. */
export const inboundOn = (store: TableStore) => {
  const bucket = memoryBucket();
  const deps: InboundDeps = {
    store,
    files: bucket.files,
    supportAddress: SUPPORT,
    ownDomains: ['unit.example'],
    now: clock.now,
  };
  const deliver = async (delivery: Delivery) => {
    const sesMessageId = delivery.sesMessageId ?? randomUUID().replaceAll('-', '');
    const event = receiptEvent({
      messageId: sesMessageId,
      raw: delivery.raw,
      envelopeSender: delivery.envelopeSender ?? 'bounces@customer.example',
      recipients: delivery.recipients ?? [SUPPORT],
      verdicts: delivery.verdicts ?? PASSING,
      at: clock.now(),
    });
    const mail = event.Records?.[0] && readReceipt(event.Records[0]);
    if (!mail) throw new Error('the test built an event the function cannot read');
    bucket.objects.set(mail.rawKey, { body: delivery.raw, contentType: 'message/rfc822' });
    return { sesMessageId, ...(await processInbound(deps, mail)) };
  };
  return { deliver, bucket };
};

/** An address no other case uses. */
export const address = () => `${randomUUID()}@customer.example`;

/** An account (two services) whose primary and `extra` contacts write from addresses of their own. */
export const accountWith = async (
  store: TableStore,
  extra: (a: ReturnType<typeof newAccount>) => Contact[] = () => []
) => {
  const account = newAccount();
  const primary = { ...account.primary, email: address() };
  const others = extra(account).map((contact) => ({ ...contact, email: address() }));
  const services = [account.service(), account.service()];
  await storeAccount(store, { contacts: [primary, ...others], services });
  return { ...account, primary, others, services };
};
