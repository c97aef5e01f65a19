/**
 * Feeds SES feedback for an address to the feedback function's code, as the
 * SNS topic would in AWS: about the last mail Portico sent it (the newest
 * entry with an SES id in the email logs of the contacts with that address),
 * or, when there is none (security mail, or nothing sent), about an id
 * Portico never recorded, which still suppresses the address.
 */
import { randomUUID } from 'node:crypto';
import { contactsByEmailQuery, fromContactItem, normaliseEmail } from '#core/entities/contact';
import {
  contactEmailLogPageQuery,
  type EmailLogEntry,
  fromEmailLogItem,
} from '#core/entities/email-log';
import { queryAll, type TableStore } from '#core/table/store';
import { feedbackHandler } from '../../functions/feedback/records.ts';
import { type FeedbackKind, sesFeedbackMessage, snsEventOf } from './ses-event.ts';

/** Entries read per contact: the newest sent mail is among them unless much was suppressed since. */
const ENTRIES_PER_CONTACT = 50;

export const lastSentTo = async (
  store: TableStore,
  address: string
): Promise<EmailLogEntry | undefined> => {
  const wanted = normaliseEmail(address);
  const contacts = (await queryAll(store, contactsByEmailQuery(wanted, { limit: 100 }))).map(
    fromContactItem
  );
  let newest: EmailLogEntry | undefined;
  for (const contact of contacts) {
    const { items } = await store.query(
      contactEmailLogPageQuery(contact.accountId, contact.id, { limit: ENTRIES_PER_CONTACT })
    );
    for (const entry of items.map(fromEmailLogItem)) {
      if (!entry.sesMessageId || normaliseEmail(entry.to) !== wanted) continue;
      if (!newest || entry.at > newest.at) newest = entry;
    }
  }
  return newest;
};

export const feedFeedback = async (
  store: TableStore,
  report: { kind: FeedbackKind; address: string; sesMessageId?: string }
) => {
  const last = report.sesMessageId ? undefined : await lastSentTo(store, report.address);
  const sesMessageId = report.sesMessageId ?? last?.sesMessageId ?? `local-${randomUUID()}`;
  const message = sesFeedbackMessage({ kind: report.kind, address: report.address, sesMessageId });
  await feedbackHandler(store)(snsEventOf(JSON.stringify(message)));
  return {
    sesMessageId,
    about: last ? { accountId: last.accountId, at: last.at, subject: last.subject } : undefined,
  };
};
