/**
 * The logger: what it masks, what its sink receives, and the ids a worker
 * invocation's lines carry (the mailer on the in-memory table, with an SES
 * refusal that quotes the address, as SES's own messages do).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '#core/entities/delivery';
import { logger, maskPersonalData, startInvocation } from '#core/platform/observability';
import { inboundHandler } from '../../functions/inbound/handler.ts';
import { THROTTLE_BACKOFF } from '../../functions/mailer/backoff.ts';
import type { MailerDeps } from '../../functions/mailer/deliver.ts';
import { mailerHandler } from '../../functions/mailer/handler.ts';
import { receiptEvent } from '../../local/ses-receipt.ts';
import { deliveryOf, insertRecordOf, writeDelivery } from '../support/deliveries.ts';
import { PASSING, SUPPORT } from '../support/inbound.ts';
import { memoryTableStore } from '../support/memory-table/store.ts';

const captured: Record<string, unknown>[] = [];
let stop: (() => void) | undefined;
const capture = () => {
  captured.length = 0;
  stop = logger.addSink((line) => captured.push(line));
};

afterEach(() => {
  stop?.();
  logger.resetKeys();
});

describe('maskPersonalData', () => {
  it('masks an address with a quoted local part, raw or as JSON escapes it', () => {
    // Prepare
    const raw = 'SES refused "jane doe"@mail.example.com today';
    const quoted = JSON.stringify({ message: raw });

    // Act
    const masked = [maskPersonalData(raw), maskPersonalData(quoted)];

    // Assess
    expect(masked[0]).toBe('SES refused [email] today');
    expect(masked[1]).toBe(JSON.stringify({ message: 'SES refused [email] today' }));
    expect(maskPersonalData('a "quoted" word, then no address')).toBe(
      'a "quoted" word, then no address'
    );
  });

  it('masks addresses and JWTs a third party quotes, and keeps stack paths and ids', () => {
    // Prepare
    const text = JSON.stringify({
      message:
        'Email address is not verified. The following identities failed the check: Jane.Doe+x@Mail.example.com',
      auth: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl',
      stack: 'at run (file:///app/node_modules/@middy/core/index.js:3:1)',
      sourceId: 'TICKETEVENT#0b6f2c1e-54a1-4c3e-9d0f-6c1b2f1e3a4b',
    });

    // Act
    const masked = maskPersonalData(text);

    // Assess
    expect(masked).not.toContain('Jane.Doe');
    expect(masked).not.toContain('eyJ');
    expect(masked).toContain('failed the check: [email]');
    expect(masked).toContain('Bearer [token]');
    expect(masked).toContain('node_modules/@middy/core/index.js');
    expect(masked).toContain('TICKETEVENT#0b6f2c1e-54a1-4c3e-9d0f-6c1b2f1e3a4b');
  });
});

describe('logger', () => {
  it('hands every level to a sink, masked, with the keys appended so far', () => {
    // Prepare
    capture();
    logger.appendKeys({ requestId: 'req-1', loginId: 'login-1' });

    // Act
    logger.debug('looked', { to: 'someone@example.org' });
    logger.error('failed', { error: new Error('refused a@b.example') });

    // Assess
    expect(captured).toEqual([
      expect.objectContaining({
        level: 'debug',
        requestId: 'req-1',
        loginId: 'login-1',
        to: '[email]',
      }),
      expect.objectContaining({
        level: 'error',
        error: expect.objectContaining({ message: 'refused [email]' }),
      }),
    ]);
  });

  it('starts a worker invocation with its function and request id, and nothing of the one before', () => {
    // Prepare
    capture();
    logger.appendKeys({ accountId: 'left-over' });

    // Act
    startInvocation('outbox', { awsRequestId: 'req-2' });
    logger.info('done');

    // Assess
    expect(captured[0]).toMatchObject({ function: 'outbox', requestId: 'req-2' });
    expect(captured[0]?.accountId).toBeUndefined();
  });
});

describe('mailer lines', () => {
  it('name the invocation, the delivery’s source, log entry and account, never the address', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf());
    const refusal = Object.assign(new Error(`Email address is not verified: ${delivery.address}`), {
      name: 'MessageRejected',
    });
    const deps: MailerDeps = {
      send: async (_: Delivery) => {
        throw refusal;
      },
      pace: async () => {},
      backoff: THROTTLE_BACKOFF,
      clock: { sleep: async () => {}, random: () => 0.5 },
    };
    capture();

    // Act
    await mailerHandler(store, deps)({ Records: [insertRecordOf(delivery)] }, {
      awsRequestId: 'req-3',
      getRemainingTimeInMillis: () => 60_000,
    } as never);

    // Assess
    expect(captured).toHaveLength(1);
    expect(captured[0]).toMatchObject({
      function: 'mailer',
      requestId: 'req-3',
      sourceId: delivery.sourceId,
      logId: delivery.logId,
      accountId: delivery.accountId,
      outcome: 'failed',
    });
    expect(JSON.stringify(captured).toLowerCase()).not.toContain(delivery.address.toLowerCase());
  });
});

describe('inbound lines', () => {
  it('name the SES message a failed mail was, so its raw copy and parked event can be found', async () => {
    // Prepare
    const raw = Buffer.from('From: someone@customer.example\r\nSubject: Help\r\n\r\nDown.\r\n');
    const event = receiptEvent({
      messageId: 'ses-message-0001',
      raw,
      envelopeSender: 'someone@customer.example',
      recipients: [SUPPORT],
      verdicts: PASSING,
      at: new Date('2026-03-02T10:00:00Z'),
    });
    const handler = inboundHandler({
      store: memoryTableStore(),
      files: {
        getObject: async () => {
          throw new Error('bucket unreachable');
        },
        putObject: async () => undefined,
      },
      supportAddress: SUPPORT,
      ownDomains: ['unit.example'],
      now: () => new Date('2026-03-02T10:00:01Z'),
    });
    capture();

    // Act
    const handled = handler(event);

    // Assess
    await expect(handled).rejects.toThrow('bucket unreachable');
    expect(captured).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'inbound mail failed; SES invokes again',
        sesMessageId: 'ses-message-0001',
      })
    );
    expect(JSON.stringify(captured)).not.toContain('someone@customer.example');
  });
});
