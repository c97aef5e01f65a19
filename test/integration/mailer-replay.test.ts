/**
 * `npm run replay` re-queues what the mailer's dead-letter queue names
 * (scripts/replay/requeue.ts): the stack's own mailer then sends it once.
 */
import { describe, expect, it } from 'vitest';
import { tableStore as store } from '#core/table/function-store';
import { pointersIn } from '../../scripts/replay/pointers.ts';
import { requeueDelivery } from '../../scripts/replay/requeue.ts';
import {
  deliveryOf,
  storedDelivery,
  writeDelivery,
  writeOutOfStream,
} from '../support/deliveries.ts';
import { eventually, mailTo, waitForMail } from '../support/mailbox.ts';

const options = { resendSending: false, now: '2026-03-02T00:00:00.000Z' };

describe('replay', () => {
  it('re-queues a parked delivery, which is then sent once; a second replay leaves it', async () => {
    // Prepare
    const delivery = await writeOutOfStream(store, deliveryOf());

    // Act
    const first = await requeueDelivery(store, delivery, options);
    await waitForMail(delivery.address, delivery.subject);
    await eventually(async () =>
      expect((await storedDelivery(store, delivery))?.status).toBe('sent')
    );
    const second = await requeueDelivery(store, delivery, options);

    // Assess
    expect([first, second]).toEqual(['requeued', 'left sent']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailTo(delivery.address)).toHaveLength(1);
  });

  it('leaves a delivery stuck in sending unless told to resend it', async () => {
    // Prepare
    const delivery = await writeDelivery(store, deliveryOf({ status: 'sending' }));

    // Act
    const cautious = await requeueDelivery(store, delivery, options);
    const told = await requeueDelivery(store, delivery, {
      ...options,
      resendSending: true,
    });

    // Assess
    expect([cautious, told]).toEqual(['left sending', 'requeued']);
    await waitForMail(delivery.address, delivery.subject);
  });

  it('leaves a sending delivery whose lease still runs alone, even when told to resend it', async () => {
    // Prepare
    const delivery = await writeDelivery(
      store,
      deliveryOf({ status: 'sending', leaseUntil: '2026-03-02T00:00:30.000Z' })
    );

    // Act: by a clock four minutes ahead of the mailer's, still held.
    const outcome = await requeueDelivery(store, delivery, {
      resendSending: true,
      now: '2026-03-02T00:04:00.000Z',
    });

    // Assess
    expect(outcome).toBe('held by a sender');
    expect((await storedDelivery(store, delivery))?.status).toBe('sending');
  });

  it('reads pointers from the local queue file and from saved SQS messages, compact or as the CLI prints them', () => {
    // Prepare
    const pointer = {
      shardId: 'shard-1',
      startSequenceNumber: '100',
      endSequenceNumber: '120',
      streamArn: 'arn:aws:dynamodb:eu-west-1:1:table/t/stream/x',
      batchSize: 3,
    };
    const body = JSON.stringify({ requestContext: {}, DDBStreamBatchInfo: pointer });

    // Act
    const local = pointersIn(`${body}\n${body}\n`);
    const received = { Messages: [{ Body: body, ReceiptHandle: 'r' }] };
    const saved = pointersIn(JSON.stringify(received));
    // `aws sqs receive-message > parked.json` writes it indented by four.
    const savedByTheCli = pointersIn(`${JSON.stringify(received, null, 4)}\n`);

    // Assess
    expect(local).toEqual([pointer, pointer]);
    expect(saved).toEqual([pointer]);
    expect(savedByTheCli).toEqual([pointer]);
  });
});
