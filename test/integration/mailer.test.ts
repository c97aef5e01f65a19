/**
 * The mailer against DynamoDB Local and the SES emulator. The stack's own
 * mailer (the stream poller of test/global-setup.ts) sends what is queued;
 * the tests that need SES to refuse or throttle call the handler here,
 * through a front of the emulator, with deliveries the stream never offers
 * (written as `sending`, then moved to `queued`: a MODIFY, which the filter
 * drops), so only this file's invocation sees them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Delivery } from '#core/entities/delivery';
import { now, resetClock, runClockFrom } from '#core/platform/clock';
import { tableStore as store } from '#core/table/function-store';
import { claimDelivery } from '../../functions/mailer/claim.ts';
import {
  deliveryOf,
  insertRecordOf,
  storedDelivery,
  storedLogEntry,
  writeDelivery,
  writeOutOfStream,
} from '../support/deliveries.ts';
import { eventually, mailTo, waitForMail } from '../support/mailbox.ts';
import { startSesFront } from '../support/ses-front.ts';

const front = await startSesFront(process.env.AWS_ENDPOINT_URL_SESV2 ?? '');
// The handler's SES client reads SES_ENDPOINT at load; the mailbox reads the store through the front too.
process.env.SES_ENDPOINT = front.endpoint;
process.env.AWS_ENDPOINT_URL_SESV2 = front.endpoint;
const { handler } = await import('../../functions/mailer/handler.ts');
afterAll(() => front.close());

const sentOnce = async (delivery: Delivery) => {
  const stored = await eventually(async () => {
    const found = await storedDelivery(store, delivery);
    expect(found?.status).toBe('sent');
    return found;
  });
  return stored;
};

describe('the mailer', () => {
  it('sends a queued delivery once, with its headers, and ends it and its log entry sent', async () => {
    // Prepare
    const delivery = deliveryOf();

    // Act
    await writeDelivery(store, delivery);

    // Assess
    const mail = await waitForMail(delivery.address, delivery.subject);
    const stored = await sentOnce(delivery);
    expect(mail.body).toEqual({ text: delivery.text, html: delivery.html });
    expect(mail.headers).toEqual(
      expect.arrayContaining([
        { name: 'Message-ID', value: delivery.headers['Message-ID'] },
        { name: 'Auto-Submitted', value: 'auto-generated' },
      ])
    );
    expect(stored?.sesMessageId).toEqual(expect.any(String));
    expect((await storedLogEntry(store, delivery))?.status).toBe('sent');
    expect(await mailTo(delivery.address)).toHaveLength(1);
  });

  it('sends once when the same stream record comes twice', async () => {
    // Prepare
    const delivery = await writeDelivery(store, deliveryOf());
    await sentOnce(delivery);

    // Act
    const answer = await handler({
      Records: [insertRecordOf(delivery), insertRecordOf(delivery)],
    });

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect(await mailTo(delivery.address)).toHaveLength(1);
  });

  it('does not send a delivery that is sent already', async () => {
    // Prepare
    const sent = await writeDelivery(store, deliveryOf({ status: 'sent' }));

    // Act
    const answer = await handler({ Records: [insertRecordOf({ ...sent, status: 'queued' })] });

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect(await mailTo(sent.address)).toEqual([]);
    expect((await storedDelivery(store, sent))?.status).toBe('sent');
  });

  it('sends, once, deliveries a stopped sender left sending: its lease passed, or it had none', async () => {
    // Prepare
    const leaseOver = await writeDelivery(
      store,
      deliveryOf({ status: 'sending', leaseUntil: new Date(Date.now() - 1_000).toISOString() })
    );
    const noLease = await writeDelivery(store, deliveryOf({ status: 'sending' }));
    const records = [leaseOver, noLease].map((delivery) =>
      insertRecordOf({ ...delivery, status: 'queued' })
    );

    // Act
    const first = await handler({ Records: records });
    const again = await handler({ Records: records });

    // Assess
    expect([first.batchItemFailures, again.batchItemFailures]).toEqual([[], []]);
    for (const delivery of [leaseOver, noLease]) {
      await waitForMail(delivery.address, delivery.subject);
      expect(await mailTo(delivery.address)).toHaveLength(1);
      expect((await storedDelivery(store, delivery))?.status).toBe('sent');
      expect((await storedLogEntry(store, delivery))?.status).toBe('sent');
    }
  });

  it('claims a delivery a sender still holds only after that sender’s lease, read from DynamoDB’s refusal', async () => {
    // Prepare
    const leaseUntil = new Date(Date.now() + 30_000).toISOString();
    const held = await writeDelivery(store, deliveryOf({ status: 'sending', leaseUntil }));
    const sleeps: number[] = [];
    const clock = {
      sleep: async (ms: number) => {
        sleeps.push(ms);
        runClockFrom(new Date(now().getTime() + ms));
      },
    };

    // Act
    const claimed = await claimDelivery(store, held, clock).finally(resetClock);

    // Assess
    expect(claimed).toEqual(expect.any(String));
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(25_000);
    const stored = await storedDelivery(store, held);
    expect(stored?.status).toBe('sending');
    expect(stored?.leaseUntil && stored.leaseUntil > leaseUntil).toBe(true);
  });

  it('ends a delivery SES refuses failed, with the reason, and goes on with the batch', async () => {
    // Prepare
    const refused = await writeOutOfStream(store, deliveryOf());
    const next = await writeOutOfStream(store, deliveryOf());
    front.refuse(refused.address);

    // Act
    const answer = await handler({ Records: [insertRecordOf(refused), insertRecordOf(next)] });

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect(await storedDelivery(store, refused)).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('MessageRejected'),
    });
    expect((await storedLogEntry(store, refused))?.status).toBe('failed');
    expect(await mailTo(refused.address)).toEqual([]);
    expect((await storedDelivery(store, next))?.status).toBe('sent');
    expect(await mailTo(next.address)).toHaveLength(1);
  });

  it('sends once after SES throttled it twice', async () => {
    // Prepare
    const delivery = await writeOutOfStream(store, deliveryOf());
    front.throttle(delivery.address, 2);

    // Act
    const answer = await handler({ Records: [insertRecordOf(delivery)] });

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect((await storedDelivery(store, delivery))?.status).toBe('sent');
    expect(await mailTo(delivery.address)).toHaveLength(1);
  });
});
