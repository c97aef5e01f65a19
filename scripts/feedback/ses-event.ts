/**
 * SES feedback as SES publishes it from a configuration set (`eventType`
 * format, the one the stage's event destination sends), wrapped in the SNS
 * record Lambda hands the feedback function. The SES emulator sends no
 * feedback, so local tools and tests build it here.
 */
import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';

export const FEEDBACK_KINDS = ['bounce', 'complaint', 'transient'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export interface FeedbackEventInput {
  kind: FeedbackKind;
  address: string;
  /** SES's MessageId of the mail it reports on. */
  sesMessageId: string;
  at?: Date;
}

const mailOf = ({ address, sesMessageId }: FeedbackEventInput, at: Date) => ({
  timestamp: new Date(at.getTime() - 1_000).toISOString(),
  source: 'no-reply@portico.example',
  sourceArn: 'arn:aws:ses:eu-west-1:000000000000:identity/portico.example',
  sendingAccountId: '000000000000',
  messageId: sesMessageId,
  destination: [address],
  headersTruncated: false,
  headers: [{ name: 'To', value: address }],
  commonHeaders: { to: [address] },
  tags: { 'ses:configuration-set': ['portico-local'] },
});

/** The SES event JSON: a permanent bounce, a transient one, or an abuse complaint. */
export const sesFeedbackMessage = (input: FeedbackEventInput) => {
  const at = input.at ?? new Date();
  const feedbackId = `${randomUUID()}-000000`;
  const mail = mailOf(input, at);
  if (input.kind === 'complaint')
    return {
      eventType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: input.address }],
        timestamp: at.toISOString(),
        feedbackId,
        userAgent: 'Portico local feedback',
        complaintFeedbackType: 'abuse',
        arrivalDate: at.toISOString(),
      },
      mail,
    };
  const permanent = input.kind === 'bounce';
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType: permanent ? 'Permanent' : 'Transient',
      bounceSubType: permanent ? 'General' : 'MailboxFull',
      bouncedRecipients: [
        {
          emailAddress: input.address,
          action: 'failed',
          status: permanent ? '5.1.1' : '4.2.2',
          diagnosticCode: permanent
            ? 'smtp; 550 5.1.1 user unknown'
            : 'smtp; 452 4.2.2 mailbox full',
        },
      ],
      timestamp: at.toISOString(),
      feedbackId,
      reportingMTA: 'dsn; portico.local',
    },
    mail,
  };
};

/** The Lambda event of an SNS topic delivering `message` (a JSON text) to a subscribed function. */
export const snsEventOf = (message: string): SNSEvent => {
  const topicArn = 'arn:aws:sns:eu-west-1:000000000000:portico-local-feedback';
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topicArn,
          Subject: '',
          Message: message,
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  };
};
