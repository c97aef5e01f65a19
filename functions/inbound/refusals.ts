/**
 * Recording what became of a mail that opens or answers nothing: a
 * refusal (kept with its reason, listed for the helpdesk, answered once)
 * or a silent drop (a loop guard's catch: kept, never answered). The
 * answer is an outbox task written with the record, rate-limited per
 * sender by a conditional counter in the same transaction: past the limit
 * the record is written alone.
 */
import { type GuardedWrite, writeTogether } from '#core/db/transact';
import {
  createInboundMailPut,
  type InboundMail,
  type InboundReason,
} from '#core/entities/inbound-mail';
import { createOutboxPut } from '#core/entities/outbox';
import { takeRateTokenUpdate } from '#core/entities/rate-counter';
import type { TableStore } from '#core/table/store';
import type { ReceivedMail } from './event.ts';
import { refusalText } from './refusal-texts.ts';

/** Explanations one sender address receives at most per window. */
export const REFUSAL_REPLY_LIMIT = { limit: 5, windowSeconds: 24 * 3600 } as const;

class AlreadyRecorded extends Error {}
class ReplyLimitReached extends Error {}

export interface RecordOutcome {
  outcome: InboundMail['outcome'];
  reason?: InboundReason;
  duplicate: boolean;
  replied?: boolean;
}

export const recordOf = (
  mail: ReceivedMail,
  outcome: InboundMail['outcome'],
  extra: Partial<Pick<InboundMail, 'reason' | 'accountId' | 'ticketId' | 'messageId'>> = {},
  from = mail.from
): InboundMail => ({
  sesMessageId: mail.sesMessageId,
  receivedAt: mail.receivedAt,
  from,
  subject: mail.subject.slice(0, 200),
  rawKey: mail.rawKey,
  outcome,
  ...extra,
});

/** The record's create, failing as "already recorded" when a redelivery finds it. */
export const recordWrite = (record: InboundMail): GuardedWrite => ({
  action: { Put: createInboundMailPut(record) },
  onConditionFailed: () => new AlreadyRecorded(),
});

/** Runs writes that include the record; a redelivered mail's writes are skipped (false). */
export const writeOnce = async (
  store: TableStore,
  writes: GuardedWrite[],
  otherwise: () => Error
) => {
  try {
    await writeTogether(writes, otherwise, store);
    return true;
  } catch (error) {
    if (error instanceof AlreadyRecorded) return false;
    throw error;
  }
};

export interface Refusal {
  reason: InboundReason;
  /** Whom to answer; none for mail whose sender cannot be trusted to exist. */
  replyTo?: string | undefined;
  accountAddresses?: string[];
  accountId?: string;
}

export const refuse = async (
  store: TableStore,
  mail: ReceivedMail,
  refusal: Refusal,
  now: Date
): Promise<RecordOutcome> => {
  const record = recordWrite(
    recordOf(mail, 'refused', {
      reason: refusal.reason,
      ...(refusal.accountId ? { accountId: refusal.accountId } : {}),
    })
  );
  const stale = () => new Error('inbound refusal: concurrent write');
  const { replyTo } = refusal;
  if (replyTo) {
    const text = refusalText(refusal.reason, mail.subject, refusal.accountAddresses);
    const answered = await writeOnce(
      store,
      [
        record,
        {
          action: {
            Update: takeRateTokenUpdate(
              { subject: `inbound-refusal#${replyTo}`, ...REFUSAL_REPLY_LIMIT },
              now
            ),
          },
          onConditionFailed: () => new ReplyLimitReached(),
        },
        {
          action: {
            Put: createOutboxPut(
              { kind: 'mail', to: replyTo, ...text, autoReply: true },
              {
                now: now.toISOString(),
                ...(refusal.accountId ? { accountId: refusal.accountId } : {}),
              }
            ),
          },
        },
      ],
      stale
    ).catch((error: unknown) => {
      if (error instanceof ReplyLimitReached) return undefined;
      throw error;
    });
    if (answered !== undefined) {
      return {
        outcome: 'refused',
        reason: refusal.reason,
        duplicate: !answered,
        replied: answered,
      };
    }
  }
  const written = await writeOnce(store, [record], stale);
  return { outcome: 'refused', reason: refusal.reason, duplicate: !written, replied: false };
};

/** A mail no one must answer (RFC 3834): kept and recorded, nothing else. */
export const drop = async (store: TableStore, mail: ReceivedMail): Promise<RecordOutcome> => {
  const written = await writeOnce(
    store,
    [recordWrite(recordOf(mail, 'dropped', { reason: 'loop' }))],
    () => new Error('inbound drop: concurrent write')
  );
  return { outcome: 'dropped', reason: 'loop', duplicate: !written };
};
