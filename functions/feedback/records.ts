/**
 * What the feedback function does with an SNS event, on any table store:
 * each record read (notification.ts) and applied (apply.ts). A message that
 * is no SES report this function reads is logged and dropped: no retry
 * would make it readable. A failure to apply one is thrown, so Lambda
 * retries the invocation and then parks the event in the dead-letter queue
 * (docs/runbook.md); applying is idempotent.
 */
import type { SNSEvent } from 'aws-lambda';
import { logger } from '#core/platform/observability';
import type { TableStore } from '#core/table/store';
import { applyFeedback } from './apply.ts';
import { readSesFeedback } from './notification.ts';

export const feedbackHandler =
  (store: TableStore) =>
  async (event: SNSEvent): Promise<void> => {
    for (const record of event.Records) {
      const snsMessageId = record.Sns?.MessageId;
      const feedback = readSesFeedback(record.Sns?.Message);
      if (!feedback) {
        logger.error('not an SES report this function reads; dropped', { snsMessageId });
        continue;
      }
      if (feedback.kind === 'other') {
        logger.info('SES report ignored', { snsMessageId, type: feedback.type });
        continue;
      }
      const outcome = await applyFeedback(store, feedback);
      const at = { snsMessageId, sesMessageId: feedback.sesMessageId, kind: feedback.kind };
      if (outcome.status === 'none')
        logger.info('transient bounce: nothing changes', {
          ...at,
          recipients: feedback.recipients.length,
        });
      else logger.info('SES feedback applied', { ...at, ...outcome });
    }
  };
