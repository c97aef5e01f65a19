/**
 * Queued deliveries written straight into a table store, as the fan-out
 * writes them (the delivery and its email log entry together), and what
 * became of them.
 */
import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import {
  createDeliveryPut,
  type Delivery,
  deliveryKeys,
  fromDeliveryItem,
  moveDeliveryUpdate,
  toDeliveryItem,
} from '#core/entities/delivery';
import {
  createEmailLogPut,
  type EmailLogEntry,
  emailLogKeys,
  fromEmailLogItem,
} from '#core/entities/email-log';
import type { TableStore } from '#core/table/store';

export const deliveryOf = (changes: Partial<Delivery> = {}): Delivery => {
  const id = randomUUID();
  return {
    sourceId: `TICKETEVENT#${id}`,
    accountId: randomUUID(),
    address: `to-${id.slice(0, 8)}@mailer.example`,
    contactId: randomUUID(),
    category: 'support',
    language: 'en',
    subject: `Ticket ${id.slice(0, 8)} answered`,
    text: 'Our answer is in the portal.',
    html: '<p>Our answer is in the portal.</p>',
    headers: {
      'Message-ID': `<${id}@portico.example>`,
      'Auto-Submitted': 'auto-generated',
    },
    status: 'queued',
    logAt: '2026-03-01T10:00:00.000Z',
    logId: randomUUID(),
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...changes,
  };
};

const logEntryOf = (delivery: Delivery): EmailLogEntry => ({
  id: delivery.logId,
  accountId: delivery.accountId,
  at: delivery.logAt,
  to: delivery.address,
  contactId: delivery.contactId,
  category: delivery.category,
  subject: delivery.subject,
  status: delivery.status,
  updatedAt: delivery.updatedAt,
});

/** The delivery and its log entry in one transaction, as the fan-out writes them. */
export const writeDelivery = async (store: TableStore, delivery: Delivery) => {
  await store.transact([
    { Put: createDeliveryPut(delivery) },
    { Put: createEmailLogPut(logEntryOf(delivery)) },
  ]);
  return delivery;
};

/**
 * A queued delivery the stream never offers the mailer: written `sending`,
 * then moved to `queued` (a MODIFY, which the filter drops). It stands for
 * one whose record was parked, and lets a test alone invoke the mailer on it.
 */
export const writeOutOfStream = async (store: TableStore, delivery: Delivery) => {
  await writeDelivery(store, { ...delivery, status: 'sending' });
  await store.update(
    moveDeliveryUpdate(delivery, 'sending', {
      status: 'queued',
      updatedAt: new Date().toISOString(),
    })
  );
  return delivery;
};

export const storedDelivery = async (store: TableStore, delivery: Delivery) => {
  const item = await store.get({
    Key: deliveryKeys(delivery),
    ConsistentRead: true,
  });
  return item ? fromDeliveryItem(item) : undefined;
};

export const storedLogEntry = async (store: TableStore, delivery: Delivery) => {
  const item = await store.get({
    Key: emailLogKeys({ accountId: delivery.accountId, at: delivery.logAt, id: delivery.logId }),
    ConsistentRead: true,
  });
  return item ? fromEmailLogItem(item) : undefined;
};

let sequence = 0;

/** The stream record of a delivery's INSERT, as the event source hands it to the mailer. */
export const insertRecordOf = (
  delivery: Delivery,
  sequenceNumber = `${++sequence}`
): DynamoDBRecord => ({
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  dynamodb: {
    SequenceNumber: sequenceNumber,
    Keys: marshall(deliveryKeys(delivery)) as Record<string, AttributeValue> as never,
    NewImage: marshall(toDeliveryItem(delivery), { removeUndefinedValues: true }) as never,
  },
});
