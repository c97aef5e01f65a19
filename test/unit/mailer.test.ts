/**
 * The mailer's rules on the in-memory table with a fake SES: backoff on
 * throttling, the bound, permanent refusals, the pace and the checkpoint.
 * Sending through the SES emulator: test/integration/mailer.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Delivery, moveDeliveryUpdate } from '#core/entities/delivery';
import { now, resetClock, runClockFrom } from '#core/platform/clock';
import { backoffDelay, maxBackoffMs, THROTTLE_BACKOFF } from '../../functions/mailer/backoff.ts';
import {
  CLAIM_LEASE_MS,
  claimDelivery,
  LEASE_MARGIN_MS,
  SEND_ATTEMPT_TIMEOUT_MS,
} from '../../functions/mailer/claim.ts';
import { deliver, type MailerDeps } from '../../functions/mailer/deliver.ts';
import { mailerHandler } from '../../functions/mailer/handler.ts';
import { pacer } from '../../functions/mailer/pace.ts';
import { sendEmailInput } from '../../functions/mailer/ses-mail.ts';
import {
  deliveryOf,
  insertRecordOf,
  storedDelivery,
  storedLogEntry,
  writeDelivery,
} from '../support/deliveries.ts';
import { memoryTableStore } from '../support/memory-table/store.ts';

const sesError = (name: string, message = name) => Object.assign(new Error(message), { name });

/** A fake SES: answers each call with the next scripted outcome (an error to throw, or success). */
const fakeSes = (script: (Error | undefined)[] = []) => {
  const sent: string[] = [];
  const sleeps: number[] = [];
  const deps: MailerDeps = {
    send: async (delivery: Delivery) => {
      const outcome = script.shift();
      if (outcome) throw outcome;
      sent.push(delivery.address);
      return `ses-${sent.length}`;
    },
    pace: async () => {},
    backoff: THROTTLE_BACKOFF,
    clock: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  };
  return { deps, sent, sleeps };
};

describe('throttling', () => {
  it('is retried with growing waits, and the mail is sent once', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf());
    const ses = fakeSes([
      sesError('TooManyRequestsException'),
      sesError('Throttling', 'Maximum sending rate exceeded.'),
    ]);

    // Act
    const outcome = await deliver(store, delivery, ses.deps);

    // Assess
    expect(outcome).toBe('sent');
    expect(ses.sent).toEqual([delivery.address]);
    expect(ses.sleeps).toEqual([50, 100]);
    expect(await storedDelivery(store, delivery)).toMatchObject({
      status: 'sent',
      sesMessageId: 'ses-1',
    });
    expect((await storedLogEntry(store, delivery))?.status).toBe('sent');
  });

  it('past the bound fails the record and puts the delivery back in the queue', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf());
    const quota = sesError('LimitExceededException', 'Daily message quota exceeded.');
    const ses = fakeSes(Array.from({ length: THROTTLE_BACKOFF.attempts }, () => quota));

    // Act
    const attempt = deliver(store, delivery, ses.deps);

    // Assess
    await expect(attempt).rejects.toThrow('quota');
    expect(ses.sleeps).toHaveLength(THROTTLE_BACKOFF.attempts - 1);
    expect(ses.sent).toEqual([]);
    expect((await storedDelivery(store, delivery))?.status).toBe('queued');
    expect((await storedLogEntry(store, delivery))?.status).toBe('queued');
  });

  it('waits a random share of an exponential step, capped', () => {
    // Act
    const steps = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(THROTTLE_BACKOFF, n, () => 0.999));
    const jittered = backoffDelay(THROTTLE_BACKOFF, 3, () => 0.25);

    // Assess
    expect(steps.map(Math.round)).toEqual([100, 200, 400, 799, 1598, 1598, 1598]);
    expect(jittered).toBe(100);
  });
});

describe('a permanent refusal', () => {
  it('ends the delivery and its log entry failed with the reason, and the batch goes on', async () => {
    // Prepare
    const store = memoryTableStore();
    const refused = await writeDelivery(store, deliveryOf());
    const next = await writeDelivery(store, deliveryOf());
    const ses = fakeSes([sesError('MessageRejected', 'Email address is not verified.')]);

    // Act
    const answer = await mailerHandler(
      store,
      ses.deps
    )({ Records: [insertRecordOf(refused), insertRecordOf(next)] });

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect(await storedDelivery(store, refused)).toMatchObject({
      status: 'failed',
      reason: 'MessageRejected: Email address is not verified.',
    });
    expect((await storedLogEntry(store, refused))?.status).toBe('failed');
    expect(ses.sent).toEqual([next.address]);
  });
});

describe('the batch', () => {
  it('reports the first delivery that fails; the retry from it sends nothing twice', async () => {
    // Prepare
    const store = memoryTableStore();
    const [first, stuck, after] = [deliveryOf(), deliveryOf(), deliveryOf()];
    for (const delivery of [first, stuck, after]) await writeDelivery(store, delivery);
    const unreachable = sesError('InternalFailure');
    const ses = fakeSes([undefined, unreachable]);
    const records = [
      insertRecordOf(first, '1'),
      insertRecordOf(stuck, '2'),
      insertRecordOf(after, '3'),
    ];

    // Act
    const answer = await mailerHandler(store, ses.deps)({ Records: records });
    const retry = await mailerHandler(store, ses.deps)({ Records: records.slice(1) });

    // Assess
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '2' }]);
    expect(retry.batchItemFailures).toEqual([]);
    // The three ran side by side; the retry sent only the one that had failed.
    expect([...ses.sent].sort()).toEqual([first.address, after.address, stuck.address].sort());
    expect((await storedDelivery(store, stuck))?.status).toBe('sent');
  });

  it('skips a delivery that is sent already', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf({ status: 'sent' }));
    const ses = fakeSes();

    // Act
    const answer = await mailerHandler(
      store,
      ses.deps
    )({
      Records: [insertRecordOf({ ...delivery, status: 'queued' })],
    });

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect(ses.sent).toEqual([]);
  });
});

describe('the claim and its lease', () => {
  afterEach(() => resetClock());

  /** A sleep that moves the domain clock on, and runs `meanwhile` (another sender) first. */
  const sleepingClock = (meanwhile: () => Promise<void> = async () => {}) => {
    const sleeps: number[] = [];
    return {
      sleeps,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        await meanwhile();
        runClockFrom(new Date(now().getTime() + ms));
      },
    };
  };

  const heldUntil = (ms: number) => new Date(now().getTime() + ms).toISOString();

  /** A delivery another sender claimed, its lease ending `leaseMs` from now (none: claimed before leases). */
  const claimedElsewhere = (store: ReturnType<typeof memoryTableStore>, leaseMs?: number) =>
    writeDelivery(
      store,
      deliveryOf({
        status: 'sending',
        ...(leaseMs === undefined ? {} : { leaseUntil: heldUntil(leaseMs) }),
      })
    );

  /** The fake SES's deps with this test's sleeping clock. */
  const withClock = (ses: ReturnType<typeof fakeSes>, clock: ReturnType<typeof sleepingClock>) => ({
    ...ses.deps,
    clock: { ...ses.deps.clock, sleep: clock.sleep },
  });

  it('claims with a lease that covers every attempt at its timeout, the waits and the record', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf());
    const before = now().getTime();

    // Act
    const claimed = await claimDelivery(store, delivery, sleepingClock());

    // Assess
    const stored = await storedDelivery(store, delivery);
    expect(stored?.status).toBe('sending');
    expect(claimed).toBe(stored?.leaseUntil);
    const lease = Date.parse(stored?.leaseUntil ?? '') - before;
    expect(lease).toBeGreaterThanOrEqual(
      THROTTLE_BACKOFF.attempts * SEND_ATTEMPT_TIMEOUT_MS + maxBackoffMs(THROTTLE_BACKOFF)
    );
    expect(lease).toBeLessThan(CLAIM_LEASE_MS + 1_000);
  });

  it('sends, once, a delivery whose sender stopped mid-way, after its lease has passed', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await claimedElsewhere(store, 30_000);
    const ses = fakeSes();
    const clock = sleepingClock();
    let turns = 0;

    // Act
    const outcome = await deliver(store, delivery, {
      ...withClock(ses, clock),
      pace: async () => {
        turns += 1;
      },
    });

    // Assess
    expect(outcome).toBe('sent');
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(30_000);
    // Its turn under the send rate, and again after the wait.
    expect(turns).toBe(2);
    expect(ses.sent).toEqual([delivery.address]);
    expect((await storedDelivery(store, delivery))?.status).toBe('sent');
  });

  it('sends a delivery left sending before leases existed at once', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await claimedElsewhere(store);
    const ses = fakeSes();
    const clock = sleepingClock();

    // Act
    const outcome = await deliver(store, delivery, withClock(ses, clock));

    // Assess
    expect(outcome).toBe('sent');
    expect(clock.sleeps).toEqual([]);
    expect(ses.sent).toEqual([delivery.address]);
  });

  it('never sends a delivery that its live holder records while this sender waits', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await claimedElsewhere(store, 20_000);
    const ses = fakeSes();
    const clock = sleepingClock(async () => {
      await store.update(
        moveDeliveryUpdate(delivery, 'sending', { status: 'sent', updatedAt: now().toISOString() })
      );
    });

    // Act
    const outcome = await deliver(store, delivery, withClock(ses, clock));

    // Assess
    expect(outcome).toBe('skipped');
    expect(ses.sent).toEqual([]);
  });

  it('fails the record, sending nothing, when another sender claimed it again during the wait', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await claimedElsewhere(store, 5_000);
    const ses = fakeSes();
    const clock = sleepingClock(async () => {
      // The other sender, its clock a second further on, claims just before this one wakes.
      runClockFrom(new Date(now().getTime() + 7_000));
      await claimDelivery(store, delivery, { sleep: async () => {} });
      runClockFrom(new Date(now().getTime() - 7_000));
    });

    // Act
    const answer = await mailerHandler(
      store,
      withClock(ses, clock)
    )({
      Records: [insertRecordOf(delivery)],
    });

    // Assess
    expect(answer.batchItemFailures).toHaveLength(1);
    expect(ses.sent).toEqual([]);
    expect((await storedDelivery(store, delivery))?.status).toBe('sending');
  });

  it('writes, on the record’s retry, a mail SES took whose record failed, without sending it again', async () => {
    // Prepare
    const delivery = deliveryOf();
    const memory = memoryTableStore();
    await writeDelivery(memory, delivery);
    let tableDown = true;
    const store = {
      ...memory,
      transact: async (actions: Parameters<typeof memory.transact>[0]) => {
        if (tableDown)
          throw Object.assign(new Error('table unavailable'), { name: 'InternalServerError' });
        return memory.transact(actions);
      },
    };
    const ses = fakeSes();
    const handle = mailerHandler(store, ses.deps);

    // Act
    const first = await handle({ Records: [insertRecordOf(delivery)] });
    tableDown = false;
    const retry = await handle({ Records: [insertRecordOf(delivery)] });

    // Assess
    expect(first.batchItemFailures).toHaveLength(1);
    expect(retry.batchItemFailures).toEqual([]);
    expect(ses.sent).toEqual([delivery.address]);
    expect(await storedDelivery(memory, delivery)).toMatchObject({
      status: 'sent',
      sesMessageId: 'ses-1',
    });
    expect((await storedLogEntry(memory, delivery))?.status).toBe('sent');
  });

  it('lets a sender whose lease ran out record nothing over the sender that claimed after it', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf());
    const late = fakeSes();
    let otherLease: string | undefined;
    late.deps.send = async () => {
      // SES answers only after this sender's lease; another has claimed meanwhile.
      runClockFrom(new Date(now().getTime() + CLAIM_LEASE_MS + 2 * LEASE_MARGIN_MS));
      otherLease = await claimDelivery(store, delivery, { sleep: async () => {} });
      return 'ses-late';
    };

    // Act
    await deliver(store, delivery, late.deps);

    // Assess: still the other sender's to send and record.
    expect(otherLease).toEqual(expect.any(String));
    expect(await storedDelivery(store, delivery)).toMatchObject({
      status: 'sending',
      leaseUntil: otherLease,
    });
    expect((await storedDelivery(store, delivery))?.sesMessageId).toBeUndefined();
  });

  it('never puts back in the queue a delivery another sender claimed after its lease ran out', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf());
    const ses = fakeSes();
    let secondLease: string | undefined;
    ses.deps.send = async () => {
      runClockFrom(new Date(now().getTime() + CLAIM_LEASE_MS + 2 * LEASE_MARGIN_MS));
      secondLease = await claimDelivery(store, delivery, { sleep: async () => {} });
      throw Object.assign(new Error('SES unreachable'), { name: 'InternalFailure' });
    };

    // Act
    const attempt = deliver(store, delivery, ses.deps);

    // Assess
    await expect(attempt).rejects.toThrow('SES unreachable');
    expect(await storedDelivery(store, delivery)).toMatchObject({
      status: 'sending',
      leaseUntil: secondLease,
    });
  });

  it('starts no attempt its lease leaves no room to finish and record', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf());
    const ses = fakeSes([
      Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' }),
    ]);
    ses.deps.clock = {
      random: () => 0.5,
      // A backoff wait that eats the claim: the next attempt could not finish inside it.
      sleep: async () => runClockFrom(new Date(now().getTime() + CLAIM_LEASE_MS - 1_000)),
    };

    // Act
    const attempt = deliver(store, delivery, ses.deps);

    // Assess
    await expect(attempt).rejects.toThrow('the claim runs out');
    expect(ses.sent).toEqual([]);
    expect((await storedDelivery(store, delivery))?.status).toBe('queued');
  });

  it('starts no attempt the invocation’s timeout would cut off, and puts the delivery back', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await writeDelivery(store, deliveryOf());
    const ses = fakeSes();

    // Act
    const attempt = deliver(store, delivery, { ...ses.deps, remainingMs: () => 3_000 });

    // Assess
    await expect(attempt).rejects.toThrow('the invocation runs out');
    expect(ses.sent).toEqual([]);
    expect((await storedDelivery(store, delivery))?.status).toBe('queued');
  });

  it('counts a claim the SDK sent again after losing its answer as its own', async () => {
    // Prepare
    const memory = memoryTableStore();
    const delivery = await writeDelivery(memory, deliveryOf());
    let calls = 0;
    const store = {
      ...memory,
      update: async (input: Parameters<typeof memory.update>[0]) => {
        calls += 1;
        await memory.update(input);
        // The first answer is lost; the SDK sends the same update again.
        if (calls === 1) await memory.update(input);
      },
    };
    const sleeps: number[] = [];

    // Act
    const claimed = await claimDelivery(store, delivery, {
      sleep: async (ms) => void sleeps.push(ms),
    });

    // Assess
    expect(claimed).toBe((await storedDelivery(memory, delivery))?.leaseUntil);
    expect(sleeps).toEqual([]);
  });

  it('fails the record at once for a lease further off than any claim lasts', async () => {
    // Prepare
    const store = memoryTableStore();
    const delivery = await claimedElsewhere(store, 10 * CLAIM_LEASE_MS);
    const sleeps: number[] = [];

    // Act
    const attempt = claimDelivery(store, delivery, { sleep: async (ms) => void sleeps.push(ms) });

    // Assess
    await expect(attempt).rejects.toThrow('another sender holds');
    expect(sleeps).toEqual([]);
  });
});

describe('the pace', () => {
  it('starts a send no sooner than the pause after the previous start', async () => {
    // Prepare
    let now = 1_000;
    const waits: number[] = [];
    const pace = pacer(250, { sleep: async (ms) => void waits.push(ms) }, () => now);

    // Act
    await pace();
    now += 100;
    await pace();
    now += 400;
    await pace();

    // Assess
    expect(waits).toEqual([150]);
  });
});

describe('the SES call', () => {
  it('names the configuration set and carries the delivery headers, each on one line', () => {
    // Act
    const input = sendEmailInput(
      deliveryOf({ subject: 'Two\r\nlines', headers: { 'X-Note': 'a\nBcc: x@evil.example' } })
    );

    // Assess
    expect(input.ConfigurationSetName).toBe('portico-unit');
    expect(input.Content.Simple.Subject.Data).toBe('Two lines');
    expect(input.Content.Simple.Headers).toEqual([
      { Name: 'X-Note', Value: 'a Bcc: x@evil.example' },
    ]);
  });
});
