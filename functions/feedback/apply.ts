/**
 * What a bounce or complaint changes (docs/notifications.md, "Feedback").
 * A permanent bounce or any complaint, for each address it names:
 *
 * 1. the suppression item (created once: the first report stands);
 * 2. the delivery SES's message id names (through its marker), `sent` →
 *    `bounced` / `complained`, with its email log entry, in one transaction;
 *    security mail has no delivery and no marker, so only 1 and 3 apply;
 * 3. every contact with that address, in any account, `emailStatus`.
 *
 * Each step is conditional and finds its own work done on a repeat, so a
 * replayed report (SNS delivers at least once) leaves the same state, and a
 * retry after a failure half-way finishes what is missing. A transient (or
 * undetermined) bounce changes nothing.
 */
import { contactsByEmailQuery, fromContactItem } from '#core/entities/contact';
import { markContactEmailStatusUpdate } from '#core/entities/contact-email-status';
import { feedbackDeliveryUpdate } from '#core/entities/delivery';
import { emailLogStatusUpdate } from '#core/entities/email-log';
import { fromSesMessageItem, getSesMessageInput } from '#core/entities/ses-message';
import { createSuppressionPut } from '#core/entities/suppression';
import { nowIso } from '#core/platform/clock';
import type { ContactEmailStatus, EmailStatusValue } from '#core/rules/email-status';
import { cancellations, isConditionFailure } from '#core/table/db';
import { queryAll, type TableStore, updateIf } from '#core/table/store';
import type { SesFeedback } from './notification.ts';

type Report = Exclude<SesFeedback, { kind: 'other' }>;

export interface FeedbackOutcome {
  /** What the report means for the addresses: a status, or nothing (transient, other kinds). */
  status: EmailStatusValue | 'none';
  suppressionsWritten: number;
  deliveryMoved: boolean;
  contactsMarked: number;
}

const NOTHING: FeedbackOutcome = {
  status: 'none',
  suppressionsWritten: 0,
  deliveryMoved: false,
  contactsMarked: 0,
};

const isoOr = (value: string, fallback: string) => {
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
};

const reasonOf = (report: Report) =>
  report.kind === 'bounce'
    ? `SES reported a permanent bounce${report.subtype ? ` (${report.subtype})` : ''}.`
    : `SES reported a complaint${report.feedbackType ? ` (${report.feedbackType})` : ''}.`;

const suppress = async (store: TableStore, report: Report, address: string, at: string) => {
  try {
    await store.put(
      createSuppressionPut({
        address,
        reason: report.kind,
        ...(report.kind === 'bounce' ? { type: report.bounceType } : {}),
        ...(report.kind === 'complaint' && report.feedbackType
          ? { type: report.feedbackType }
          : {}),
        ...(report.subtype ? { subtype: report.subtype } : {}),
        at,
        ...(report.feedbackId ? { feedbackId: report.feedbackId } : {}),
        sesMessageId: report.sesMessageId,
        createdAt: nowIso(),
      })
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** The delivery behind SES's message id, moved with its log entry; false when none or done. */
const moveDelivery = async (store: TableStore, report: Report, status: EmailStatusValue) => {
  const item = await store.get(getSesMessageInput(report.sesMessageId));
  if (!item) return false;
  const marker = fromSesMessageItem(item);
  if (!report.recipients.includes(marker.address.trim().toLowerCase())) return false;
  const updatedAt = nowIso();
  try {
    await store.transact([
      {
        Update: feedbackDeliveryUpdate(marker, marker.sesMessageId, {
          status,
          updatedAt,
          reason: reasonOf(report),
        }),
      },
      {
        Update: emailLogStatusUpdate(
          { accountId: marker.accountId, at: marker.logAt, id: marker.logId },
          status,
          updatedAt
        ),
      },
    ]);
    return true;
  } catch (error) {
    // Moved already (a replay), or resent since: the newer send is not this report's.
    if (cancellations(error)?.[0]?.code === 'ConditionalCheckFailed') return false;
    throw error;
  }
};

/** Every contact with the address, whatever its account: each learns only of its own address. */
const markContacts = async (store: TableStore, emailStatus: ContactEmailStatus) => {
  const items = await queryAll(store, contactsByEmailQuery(emailStatus.address, { limit: 100 }));
  const marked = await Promise.all(
    items
      .map(fromContactItem)
      .map((contact) => updateIf(store, markContactEmailStatusUpdate(contact, emailStatus)))
  );
  return marked.filter(Boolean).length;
};

export const applyFeedback = async (
  store: TableStore,
  feedback: SesFeedback
): Promise<FeedbackOutcome> => {
  if (feedback.kind === 'other') return NOTHING;
  if (feedback.kind === 'bounce' && feedback.bounceType !== 'Permanent') return NOTHING;
  const status: EmailStatusValue = feedback.kind === 'bounce' ? 'bounced' : 'complained';
  const at = isoOr(feedback.at, nowIso());
  let suppressionsWritten = 0;
  for (const address of feedback.recipients)
    if (await suppress(store, feedback, address, at)) suppressionsWritten++;
  const deliveryMoved = await moveDelivery(store, feedback, status);
  let contactsMarked = 0;
  for (const address of feedback.recipients)
    contactsMarked += await markContacts(store, { status, at, address });
  return { status, suppressionsWritten, deliveryMoved, contactsMarked };
};
