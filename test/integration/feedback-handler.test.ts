/**
 * The feedback function as the SNS topic invokes it, on DynamoDB Local:
 * deliveries sent by the stack's own mailer (so the SES message marker is
 * the mailer's), then bounce and complaint reports in SES's formats.
 */
import { describe, expect, it } from 'vitest';
import { type Contact, contactsByEmailQuery, fromContactItem } from '#core/entities/contact';
import { type Delivery, deliveryKeys } from '#core/entities/delivery';
import { emailLogKeys } from '#core/entities/email-log';
import { fromSuppressionItem, suppressionKeys } from '#core/entities/suppression';
import { tableStore as store } from '#core/table/function-store';
import { queryAll } from '#core/table/store';
import { handler } from '../../functions/feedback/handler.ts';
import {
  type FeedbackKind,
  sesFeedbackMessage,
  snsEventOf,
} from '../../scripts/feedback/ses-event.ts';
import {
  deliveryOf,
  storedDelivery,
  storedLogEntry,
  writeDelivery,
} from '../support/deliveries.ts';
import { eventually } from '../support/mailbox.ts';
import { hasSesFixtures, sesFixture } from '../support/ses-fixtures.ts';
import { newAccount, storeAccount, storedOf } from '../support/store-accounts.ts';
import { uniqueAddress } from '../support/ticket-mail.ts';

const report = (kind: FeedbackKind, address: string, sesMessageId: string) =>
  handler(snsEventOf(JSON.stringify(sesFeedbackMessage({ kind, address, sesMessageId }))));

const suppressionOf = async (address: string) => {
  const item = await store.get({ Key: suppressionKeys(address), ConsistentRead: true });
  return item && fromSuppressionItem(item);
};

/** An account whose contact has `address`, and a mail to it the mailer has sent. */
const sentTo = async (address: string) => {
  const account = newAccount();
  const contact = account.contact('reader', { email: address });
  await storeAccount(store, { contacts: [account.primary, contact] });
  const delivery = await writeDelivery(
    store,
    deliveryOf({ accountId: account.accountId, address, contactId: contact.id })
  );
  const sent = await eventually(async () => {
    const found = await storedDelivery(store, delivery);
    expect(found?.status).toBe('sent');
    return found as Delivery & { sesMessageId: string };
  });
  return { account, contact, delivery: sent };
};

/** Every item the feedback may touch for this mail, as stored. */
const snapshot = async (address: string, delivery: Delivery) => ({
  suppression: await store.get({ Key: suppressionKeys(address), ConsistentRead: true }),
  delivery: await store.get({ Key: deliveryKeys(delivery), ConsistentRead: true }),
  log: await store.get({
    Key: emailLogKeys({ accountId: delivery.accountId, at: delivery.logAt, id: delivery.logId }),
    ConsistentRead: true,
  }),
  contacts: (await queryAll(store, contactsByEmailQuery(address, { limit: 100 }))).map(
    fromContactItem
  ),
});

describe('feedback handler', () => {
  it('a permanent bounce suppresses the address, ends the delivery and its log entry bounced, and marks the contact', async () => {
    // Prepare
    const address = uniqueAddress('bounce');
    const { contact, delivery } = await sentTo(address);

    // Act
    await report('bounce', address, delivery.sesMessageId);

    // Assess
    expect(await suppressionOf(address)).toMatchObject({
      address,
      reason: 'bounce',
      type: 'Permanent',
      subtype: 'General',
      sesMessageId: delivery.sesMessageId,
    });
    expect(await storedDelivery(store, delivery)).toMatchObject({
      status: 'bounced',
      reason: expect.stringContaining('permanent bounce'),
    });
    expect((await storedLogEntry(store, delivery))?.status).toBe('bounced');
    const marked = await storedOf(store).contact(contact);
    expect(marked?.emailStatus).toEqual({ status: 'bounced', at: expect.any(String), address });
    expect(marked?.version).toBe(contact.version + 1);
  });

  it('a complaint suppresses the address and ends the delivery complained', async () => {
    // Prepare
    const address = uniqueAddress('complaint');
    const { contact, delivery } = await sentTo(address);

    // Act
    await report('complaint', address, delivery.sesMessageId);

    // Assess
    expect(await suppressionOf(address)).toMatchObject({ reason: 'complaint', type: 'abuse' });
    expect((await storedDelivery(store, delivery))?.status).toBe('complained');
    expect((await storedLogEntry(store, delivery))?.status).toBe('complained');
    expect((await storedOf(store).contact(contact))?.emailStatus?.status).toBe('complained');
  });

  it('a transient bounce changes nothing', async () => {
    // Prepare
    const address = uniqueAddress('transient');
    const { delivery } = await sentTo(address);
    const before = await snapshot(address, delivery);

    // Act
    await report('transient', address, delivery.sesMessageId);

    // Assess
    expect(await snapshot(address, delivery)).toEqual(before);
    expect(before.suppression).toBeUndefined();
  });

  it('a replayed report leaves the same state as the first', async () => {
    // Prepare
    const address = uniqueAddress('replay');
    const { delivery } = await sentTo(address);
    const event = snsEventOf(
      JSON.stringify(
        sesFeedbackMessage({ kind: 'bounce', address, sesMessageId: delivery.sesMessageId })
      )
    );
    await handler(event);
    const first = await snapshot(address, delivery);

    // Act
    await handler(event);
    await report('complaint', address, delivery.sesMessageId);

    // Assess
    expect(await snapshot(address, delivery)).toEqual(first);
  });

  it('a report on a message id Portico never recorded (security mail) still suppresses the address', async () => {
    // Prepare
    const address = uniqueAddress('security');

    // Act
    await report('bounce', address, `never-sent-${address}`);

    // Assess
    expect(await suppressionOf(address)).toMatchObject({ reason: 'bounce', address });
  });

  it('a report on one address marks its contacts in every account, each only on its own contact', async () => {
    // Prepare
    const address = uniqueAddress('shared');
    const first = await sentTo(address);
    const other = newAccount();
    const second: Contact = other.contact('also', { email: address.toUpperCase() });
    const bystander = other.contact('bystander');
    await storeAccount(store, { contacts: [other.primary, second, bystander] });

    // Act
    await report('bounce', address, first.delivery.sesMessageId);

    // Assess
    const read = storedOf(store);
    expect((await read.contact(first.contact))?.emailStatus?.status).toBe('bounced');
    expect((await read.contact(second))?.emailStatus).toEqual({
      status: 'bounced',
      at: expect.any(String),
      address,
    });
    expect((await read.contact(bystander))?.emailStatus).toBeUndefined();
    expect((await read.contact(other.primary))?.emailStatus).toBeUndefined();
  });

  it('drops a message that is no SES report without failing the invocation', async () => {
    // Act
    const outcome = handler(snsEventOf('{"Type":"Notification","Message":"not json"}'));

    // Assess
    await expect(outcome).resolves.toBeUndefined();
  });

  it.skipIf(!hasSesFixtures)(
    'applies a real SES hard bounce (SNS envelope as published) to the address it names',
    async () => {
      // Prepare
      const envelope = sesFixture(
        'sending',
        'sns-bounce-suppressionlist__fx-private-relay__hard_bounce_sns_body.json'
      );
      const { Message } = JSON.parse(envelope) as { Message: string };

      // Act
      await handler(snsEventOf(Message));

      // Assess
      expect(await suppressionOf('relayuser@test.com')).toMatchObject({
        reason: 'bounce',
        subtype: 'OnAccountSuppressionList',
      });
    }
  );
});
