/** What a new stream item asks notify to do: which fan-out, for which id. */
import { fromInvoiceItem } from '#core/entities/invoice';
import {
  fromNoticeAccountItem,
  fromNoticeItem,
  isNoticeAccountItem,
  isNoticeItem,
} from '#core/entities/notice';
import type { TableStore } from '#core/table/store';
import { fanOutTicketEvent, ticketEventOf } from './fan-out.ts';
import { fanOutInvoice } from './invoice-fan-out.ts';
import { addressNotice, fanOutNoticeAccount } from './notices.ts';

export type Job = { what: string; id: string; run: () => Promise<unknown> };

/** The work a new item asks for, or undefined when it is nothing notify mails about. */
export const jobOf = (store: TableStore, item: Record<string, unknown>): Job | undefined => {
  const ticketEvent = ticketEventOf(item);
  if (ticketEvent)
    return {
      what: 'ticket event',
      id: ticketEvent.id,
      run: () => fanOutTicketEvent(store, ticketEvent),
    };
  if (isNoticeItem(item)) {
    const notice = fromNoticeItem(item);
    return { what: 'notice', id: notice.id, run: () => addressNotice(store, notice) };
  }
  if (isNoticeAccountItem(item)) {
    const work = fromNoticeAccountItem(item);
    return {
      what: 'notice account',
      id: `${work.noticeId}/${work.accountId}`,
      run: () => fanOutNoticeAccount(store, work),
    };
  }
  if (item.entity === 'invoice') {
    const invoice = fromInvoiceItem(item);
    return {
      what: 'invoice',
      id: `${invoice.accountId}/${invoice.number}`,
      run: () => fanOutInvoice(store, invoice),
    };
  }
  return undefined;
};
