/**
 * The notify function: a DynamoDB stream consumer that turns each new item
 * that becomes mail (stream-filter.ts) into its deliveries; the mailer
 * sends them. Ticket events (fan-out.ts), staff notices and their
 * per-account work items (notices.ts), invoices (invoice-fan-out.ts).
 *
 * Like the outbox, it stops at the first record that fails: Lambda
 * checkpoints the batch there and delivers that record and the ones after it
 * again. A repeated record writes nothing it wrote before, so a retry only
 * adds what is still missing.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { fromInvoiceItem } from '#core/entities/invoice';
import {
  fromNoticeAccountItem,
  fromNoticeItem,
  isNoticeAccountItem,
  isNoticeItem,
} from '#core/entities/notice';
import { logger } from '#core/platform/observability';
import { tableStore } from '#core/table/function-store';
import { fanOutTicketEvent, ticketEventOf } from './fan-out.ts';
import { fanOutInvoice } from './invoice-fan-out.ts';
import { addressNotice, fanOutNoticeAccount } from './notices.ts';

type Job = { what: string; id: string; run: () => Promise<unknown> };

/** The work a new item asks for, or undefined when it is nothing notify mails about. */
const jobOf = (item: Record<string, unknown>): Job | undefined => {
  const ticketEvent = ticketEventOf(item);
  if (ticketEvent)
    return {
      what: 'ticket event',
      id: ticketEvent.id,
      run: () => fanOutTicketEvent(tableStore, ticketEvent),
    };
  if (isNoticeItem(item)) {
    const notice = fromNoticeItem(item);
    return { what: 'notice', id: notice.id, run: () => addressNotice(tableStore, notice) };
  }
  if (isNoticeAccountItem(item)) {
    const work = fromNoticeAccountItem(item);
    return {
      what: 'notice account',
      id: `${work.noticeId}/${work.accountId}`,
      run: () => fanOutNoticeAccount(tableStore, work),
    };
  }
  if (item.entity === 'invoice') {
    const invoice = fromInvoiceItem(item);
    return {
      what: 'invoice',
      id: `${invoice.accountId}/${invoice.number}`,
      run: () => fanOutInvoice(tableStore, invoice),
    };
  }
  return undefined;
};

const jobIn = (image: Record<string, AttributeValue>) => {
  try {
    return jobOf(unmarshall(image));
  } catch (error) {
    logger.error('stream item of an unexpected shape', { error });
    return undefined;
  }
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    // Not retryable: an item of the wrong shape would fail forever.
    const job = jobIn(image as Record<string, AttributeValue>);
    if (!job) continue;
    try {
      const result = await job.run();
      logger.info(`${job.what} fanned out`, { id: job.id, result });
    } catch (error) {
      logger.error(`${job.what} fan-out failed`, { id: job.id, error });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};
