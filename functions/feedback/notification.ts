/**
 * SES sending feedback, read from what reaches the feedback function: an
 * SNS message (the `Message` of a Lambda SNS record, or a whole SNS
 * envelope as SNS posts it over HTTP) or a bare notification. SES writes
 * two formats: identity notifications name the kind in `notificationType`,
 * configuration-set event publishing in `eventType`; both carry the same
 * `bounce` / `complaint` / `mail` objects. Anything else is `undefined`
 * (the caller logs and drops it: a retry would not make it readable).
 */
import * as z from 'zod/mini';

/** At most this many recipients per report (SES sends one mail to at most 50). */
const MAX_RECIPIENTS = 100;
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const recipient = z.object({ emailAddress: text(320) });
const recipients = z.array(recipient).check(z.minLength(1), z.maxLength(MAX_RECIPIENTS));

const mail = z.object({ messageId: text(200), timestamp: z.optional(z.string()) });

const bounce = z.object({
  bounceType: z.enum(['Undetermined', 'Permanent', 'Transient']),
  bounceSubType: z.optional(text(100)),
  bouncedRecipients: recipients,
  timestamp: text(40),
  feedbackId: z.optional(text(200)),
});

const complaint = z.object({
  complainedRecipients: recipients,
  timestamp: text(40),
  feedbackId: z.optional(text(200)),
  complaintFeedbackType: z.optional(text(100)),
  complaintSubType: z.optional(z.nullable(text(100))),
});

const bounceNotification = z.object({ bounce, mail });
const complaintNotification = z.object({ complaint, mail });

const kindOf = z.object({
  notificationType: z.optional(z.string()),
  eventType: z.optional(z.string()),
});

const snsEnvelope = z.object({ Type: z.literal('Notification'), Message: z.string() });

interface FeedbackBase {
  sesMessageId: string;
  /** Normalised addresses the report concerns. */
  recipients: string[];
  /** When SES reported it. */
  at: string;
  feedbackId?: string;
}

export type SesFeedback =
  | (FeedbackBase & {
      kind: 'bounce';
      bounceType: 'Undetermined' | 'Permanent' | 'Transient';
      subtype?: string;
    })
  | (FeedbackBase & { kind: 'complaint'; feedbackType?: string; subtype?: string })
  /** A delivery, open, send … report: nothing to do. */
  | { kind: 'other'; type: string };

const parseJson = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

const normalise = (list: { emailAddress: string }[]) => [
  ...new Set(list.map(({ emailAddress }) => emailAddress.trim().toLowerCase())),
];

const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

/** A bare SES notification (either format) as feedback; undefined when it is not one. */
const readNotification = (value: unknown): SesFeedback | undefined => {
  const kind = kindOf.safeParse(value);
  if (!kind.success) return undefined;
  const type = kind.data.notificationType ?? kind.data.eventType;
  if (type === undefined) return undefined;
  if (type === 'Bounce') {
    const parsed = bounceNotification.safeParse(value);
    if (!parsed.success) return undefined;
    const { bounce: report, mail: sent } = parsed.data;
    return defined({
      kind: 'bounce' as const,
      sesMessageId: sent.messageId,
      recipients: normalise(report.bouncedRecipients),
      at: report.timestamp,
      feedbackId: report.feedbackId,
      bounceType: report.bounceType,
      subtype: report.bounceSubType,
    });
  }
  if (type === 'Complaint') {
    const parsed = complaintNotification.safeParse(value);
    if (!parsed.success) return undefined;
    const { complaint: report, mail: sent } = parsed.data;
    return defined({
      kind: 'complaint' as const,
      sesMessageId: sent.messageId,
      recipients: normalise(report.complainedRecipients),
      at: report.timestamp,
      feedbackId: report.feedbackId,
      feedbackType: report.complaintFeedbackType,
      subtype: report.complaintSubType ?? undefined,
    });
  }
  return { kind: 'other', type: type.slice(0, 40) };
};

/** What a message says: JSON text or a parsed value, wrapped in an SNS envelope or bare. */
export const readSesFeedback = (message: unknown): SesFeedback | undefined => {
  const value = typeof message === 'string' ? parseJson(message) : message;
  const envelope = snsEnvelope.safeParse(value);
  return readNotification(envelope.success ? parseJson(envelope.data.Message) : value);
};
