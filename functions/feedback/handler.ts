/**
 * The feedback function: SES bounce and complaint reports, published by the
 * stage's configuration set to an SNS topic that invokes it (lib/api-stack.ts).
 * Each record is read (notification.ts) and applied (apply.ts). A message
 * that is no SES report, or not one this function reads, is logged and
 * dropped: no retry would make it readable. A failure to apply one is
 * thrown, so Lambda retries the invocation and then parks the event in the
 * function's dead-letter queue (docs/runbook.md); applying is idempotent.
 */
import type { SNSEvent } from 'aws-lambda';
import { logger } from '#core/platform/observability';
import { tableStore } from '#core/table/function-store';
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

export const handler = feedbackHandler(tableStore);
