/**
 * The one piece that turns mail addressed to recipients into deliveries,
 * for every source (ticket events, notices, invoices): per recipient two
 * creates, the delivery (`DELIVERY#<source>` / `TO#<address>`) and its
 * email log entry, up to 50 recipients to a transaction. A suppressed address gets a
 * `suppressed` delivery and log entry, never sent. Created only if absent,
 * so a replayed source writes nothing twice; one BatchGet beforehand tells
 * a replay (the delivery is this account's) from an address another account
 * of the same notice already took.
 */
import { normaliseEmail } from '#core/entities/contact';
import {
  createDeliveryPut,
  type Delivery,
  deliveryKeys,
  fromDeliveryItem,
} from '#core/entities/delivery';
import { createEmailLogPut, type EmailLogEntry } from '#core/entities/email-log';
import { suppressedAddresses, suppressionKeys } from '#core/entities/suppression';
import { unsubscribeHeaders } from '#core/mail/unsubscribe-headers';
import { nowIso } from '#core/platform/clock';
import { sortableId } from '#core/platform/ids';
import type { MailCategory } from '#core/rules/mail-categories';
import { cancellations, isTransactionConditionFailure } from '#core/table/db';
import type { ItemKey, StoredItem, TableStore } from '#core/table/store';
import type { RenderedMail } from './mail-text.ts';

/** DynamoDB's BatchGetItem takes at most 100 keys. */
const BATCH_GET_LIMIT = 100;

export interface MailSource {
  /** `TICKETEVENT#<id>`, `NOTICE#<id>`, `INVOICE#<account>#<number>`. */
  sourceId: string;
  accountId: string;
  category: MailCategory;
}

export interface Addressee {
  contactId: string;
  email: string;
  language: string;
  /**
   * Mailed whatever its preferences say (the primary, for ticket and invoice
   * mail): its mail carries no unsubscribe link, which would change nothing.
   */
  alwaysMailed?: boolean;
}

export const getAll = async (store: TableStore, keys: ItemKey[]): Promise<StoredItem[]> => {
  const chunks: ItemKey[][] = [];
  for (let at = 0; at < keys.length; at += BATCH_GET_LIMIT)
    chunks.push(keys.slice(at, at + BATCH_GET_LIMIT));
  return (await Promise.all(chunks.map((chunk) => store.getMany(chunk)))).flat();
};

/**
 * The headers a delivery carries: the mail's own (threading, reply address),
 * what every automatic mail says, and the recipient's one-click unsubscribe
 * link (RFC 8058) for its category. The one place per-recipient headers are built.
 */
export const deliveryHeaders = (
  source: Pick<MailSource, 'accountId' | 'category'>,
  recipient: Addressee,
  own: Record<string, string>
): Record<string, string> => ({
  ...own,
  // RFC 3834: a notification; autoresponders must not answer it.
  'Auto-Submitted': 'auto-generated',
  ...(recipient.alwaysMailed
    ? {}
    : unsubscribeHeaders({
        accountId: source.accountId,
        contactId: recipient.contactId,
        category: source.category,
      })),
});

/** What the table already holds for a source's addresses: suppressions and earlier deliveries. */
export interface MailState {
  suppressed: ReadonlySet<string>;
  delivered: ReadonlyMap<string, Delivery>;
  /** The other items read along (e.g. a ticket event's message). */
  extra: StoredItem[];
}

export const readMailState = async (
  store: TableStore,
  sourceId: string,
  addresses: readonly string[],
  extraKeys: ItemKey[] = []
): Promise<MailState> => {
  const items = await getAll(store, [
    ...extraKeys,
    ...addresses.map(suppressionKeys),
    ...addresses.map((address) => deliveryKeys({ sourceId, address })),
  ]);
  const delivered = new Map<string, Delivery>();
  for (const item of items.filter((item) => item.entity === 'delivery')) {
    const delivery = fromDeliveryItem(item);
    delivered.set(normaliseEmail(delivery.address), delivery);
  }
  return {
    suppressed: suppressedAddresses(items),
    delivered,
    extra: items.filter((item) => item.entity !== 'delivery' && item.entity !== 'suppression'),
  };
};

const deliveryOf = (
  source: MailSource,
  recipient: Addressee,
  mail: RenderedMail,
  suppressed: boolean
): { delivery: Delivery; entry: EmailLogEntry } => {
  const at = nowIso();
  const status = suppressed ? 'suppressed' : 'queued';
  const entry: EmailLogEntry = {
    id: sortableId(),
    accountId: source.accountId,
    at,
    to: recipient.email,
    contactId: recipient.contactId,
    category: source.category,
    subject: mail.subject,
    status,
    updatedAt: at,
  };
  const delivery: Delivery = {
    sourceId: source.sourceId,
    accountId: source.accountId,
    address: recipient.email,
    contactId: recipient.contactId,
    category: source.category,
    language: recipient.language,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: deliveryHeaders(source, recipient, mail.headers),
    status,
    logAt: entry.at,
    logId: entry.id,
    createdAt: at,
    updatedAt: at,
    ...(suppressed ? { reason: 'The address is suppressed (bounce or complaint).' } : {}),
  };
  return { delivery, entry };
};

/** True when written, false when the delivery already existed. */
const writeOnce = async (store: TableStore, { delivery, entry }: ReturnType<typeof deliveryOf>) => {
  try {
    await store.transact([{ Put: createDeliveryPut(delivery) }, { Put: createEmailLogPut(entry) }]);
    return true;
  } catch (error) {
    if (cancellations(error)?.[0]?.code === 'ConditionalCheckFailed') return false;
    throw error;
  }
};

/** DynamoDB's TransactWriteItems takes at most 100 actions: 50 deliveries with their log entries. */
const DELIVERIES_PER_TRANSACTION = 50;

/**
 * Writes fresh deliveries 50 to a transaction: on DynamoDB Local a write in
 * a transaction of 100 costs about a third of one in a transaction of two
 * (docs/performance.md). A transaction cancelled by a delivery that exists
 * after all (a replay or another account running alongside) writes nothing;
 * its recipients are then written one by one, each create-only as before.
 */
const writeAllOnce = async (
  store: TableStore,
  writes: ReturnType<typeof deliveryOf>[]
): Promise<boolean[]> => {
  const chunks: ReturnType<typeof deliveryOf>[][] = [];
  for (let at = 0; at < writes.length; at += DELIVERIES_PER_TRANSACTION)
    chunks.push(writes.slice(at, at + DELIVERIES_PER_TRANSACTION));
  const written = await Promise.all(
    chunks.map(async (chunk) => {
      if (chunk.length === 1) return [await writeOnce(store, chunk[0] as (typeof chunk)[0])];
      try {
        await store.transact(
          chunk.flatMap(({ delivery, entry }) => [
            { Put: createDeliveryPut(delivery) },
            { Put: createEmailLogPut(entry) },
          ])
        );
        return chunk.map(() => true);
      } catch (error) {
        if (!isTransactionConditionFailure(error)) throw error;
        return Promise.all(chunk.map((write) => writeOnce(store, write)));
      }
    })
  );
  return written.flat();
};

export interface DeliveriesResult {
  /** Addresses this source's deliveries for the account cover (written now or before). */
  recipients: number;
  written: number;
  suppressed: number;
  /** Contacts whose address another account of the same source already took. */
  duplicates: string[];
}

/**
 * Writes the deliveries of one account's recipients; `render` is called
 * only for the recipients still to be written. Safe to run again.
 */
export const writeDeliveries = async (
  store: TableStore,
  source: MailSource,
  recipients: readonly Addressee[],
  state: MailState,
  render: (recipient: Addressee) => RenderedMail
): Promise<DeliveriesResult> => {
  const result: DeliveriesResult = { recipients: 0, written: 0, suppressed: 0, duplicates: [] };
  const fresh: Addressee[] = [];
  for (const recipient of recipients) {
    const earlier = state.delivered.get(normaliseEmail(recipient.email));
    if (!earlier) fresh.push(recipient);
    else if (earlier.accountId !== source.accountId) result.duplicates.push(recipient.contactId);
    else {
      result.recipients += 1;
      if (earlier.status === 'suppressed') result.suppressed += 1;
    }
  }
  const planned = fresh.map((recipient) => {
    const suppressed = state.suppressed.has(normaliseEmail(recipient.email));
    return {
      recipient,
      suppressed,
      write: deliveryOf(source, recipient, render(recipient), suppressed),
    };
  });
  const written = await writeAllOnce(
    store,
    planned.map(({ write }) => write)
  );
  const outcomes = planned.map(({ recipient, suppressed }, index) => ({
    recipient,
    suppressed,
    written: written[index] === true,
  }));
  // Lost creates: a replay running alongside (this account's), or another
  // account of the notice that took the address first. One read tells which.
  const lost = outcomes.filter((outcome) => !outcome.written);
  const owners = new Map(
    (lost.length
      ? await getAll(
          store,
          lost.map(({ recipient }) =>
            deliveryKeys({ sourceId: source.sourceId, address: recipient.email })
          )
        )
      : []
    )
      .map(fromDeliveryItem)
      .map((delivery) => [normaliseEmail(delivery.address), delivery.accountId])
  );
  for (const { recipient, suppressed, written } of outcomes) {
    if (!written && owners.get(normaliseEmail(recipient.email)) !== source.accountId) {
      result.duplicates.push(recipient.contactId);
      continue;
    }
    result.recipients += 1;
    if (written) result.written += 1;
    if (suppressed) result.suppressed += 1;
  }
  return result;
};
