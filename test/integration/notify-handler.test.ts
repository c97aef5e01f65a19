/**
 * The notify function as Lambda runs it: a stream batch holding a real
 * ticket event (built by the tickets area's own transaction), delivered
 * and then delivered again, on DynamoDB Local.
 */
import { describe, expect, it } from 'vitest';
import { tableStore } from '#core/table/function-store';
import { submitTicket } from '../../functions/core/workflows/ticket-conversation.ts';
import { handler } from '../../functions/notify/handler.ts';
import { assignedTo } from '../support/service-cases/common.ts';
import { newAccount, storeAccount } from '../support/store-accounts.ts';
import {
  asWritten,
  deliveriesOf,
  emailLogOf,
  ON_ITS_WAY,
  sortedAddresses,
  storeChangeWithoutEvent,
  streamEventOf,
} from '../support/ticket-mail.ts';

const ticketOf = async () => {
  const account = newAccount();
  const service = account.service();
  const supporter = account.subAccount('supporter', ['tickets'], { supportScope: 'global' });
  const isolated = account.subAccount('isolated', ['tickets'], {
    supportScope: 'isolated',
    assignedServices: assignedTo(service),
  });
  const suspended = account.subAccount('suspended', ['tickets'], {
    supportScope: 'global',
    subAccount: { status: 'suspended', permissions: ['tickets'] },
  });
  await storeAccount(tableStore, {
    contacts: [account.primary, supporter, isolated, suspended],
    services: [service],
  });
  const { primary } = account;
  const change = submitTicket(
    { accountId: account.accountId, subject: 'DNS', department: 'technical', body: 'No MX.' },
    { kind: 'contact', contactId: primary.id, name: primary.firstName, email: primary.email },
    new Date()
  );
  const event = await storeChangeWithoutEvent(tableStore, change);
  return {
    account,
    event,
    recipients: sortedAddresses([primary, supporter].map(({ email }) => ({ address: email }))),
  };
};

describe('notify handler', () => {
  it('writes one delivery and one log entry per recipient, and nothing more when the event comes again', async () => {
    // Prepare
    const { account, event, recipients } = await ticketOf();

    // Act
    const first = await handler(streamEventOf(event));
    const afterFirst = await deliveriesOf(tableStore, event.id);
    const replay = await handler(streamEventOf(event));

    // Assess
    expect(first.batchItemFailures).toEqual([]);
    expect(replay.batchItemFailures).toEqual([]);
    const deliveries = await deliveriesOf(tableStore, event.id);
    const log = await emailLogOf(tableStore, account.accountId);
    expect(sortedAddresses(deliveries)).toEqual(recipients);
    expect(deliveries.map(asWritten)).toEqual(afterFirst.map(asWritten));
    expect(sortedAddresses(log)).toEqual(recipients);
    for (const delivery of deliveries) expect(ON_ITS_WAY).toContain(delivery.status);
  });

  it('takes the same event twice in one batch as once', async () => {
    // Prepare
    const { account, event, recipients } = await ticketOf();
    const [record] = streamEventOf(event).Records;
    if (!record) throw new Error('no record');

    // Act
    const result = await handler({ Records: [record, { ...record, eventID: 'again' }] });

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(sortedAddresses(await deliveriesOf(tableStore, event.id))).toEqual(recipients);
    expect(sortedAddresses(await emailLogOf(tableStore, account.accountId))).toEqual(recipients);
  });

  it('skips a record that holds no ticket event without failing the batch', async () => {
    // Prepare
    const { event } = await ticketOf();
    const [record] = streamEventOf(event).Records;
    if (!record?.dynamodb) throw new Error('no record');
    const broken = {
      ...record,
      dynamodb: { ...record.dynamodb, NewImage: { entity: { S: 'ticketEvent' } } },
    };

    // Act
    const result = await handler({ Records: [broken] });

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(await deliveriesOf(tableStore, event.id)).toEqual([]);
  });
});
