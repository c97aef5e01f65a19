/**
 * The inbound function: invoked by the SES receipt rule's Lambda action
 * after its S3 action stored the raw MIME in the mail bucket
 * (lib/constructs/inbound-mail.ts); locally by the SMTP ingress
 * (local/smtp-ingress.ts) with the same event. process.ts says what
 * becomes of each mail. A failure is thrown: SES's asynchronous invocation
 * retries, and a redelivered mail writes nothing twice.
 */
import { bucketFiles } from '#core/platform/clients/bucket-files';
import * as clock from '#core/platform/clock';
import {
  readMailBucketConfig,
  readMessageIdConfig,
  readSupportMailConfig,
} from '#core/platform/config';
import { logger, startInvocation } from '#core/platform/observability';
import { tableStore } from '#core/table/function-store';
import { readReceipt, type SesReceiptEvent } from './event.ts';
import { type InboundDeps, processInbound } from './process.ts';

const { address: supportAddress } = readSupportMailConfig();
const { domain } = readMessageIdConfig();

const deps: InboundDeps = {
  store: tableStore,
  files: bucketFiles(readMailBucketConfig()),
  supportAddress,
  ownDomains: [...new Set([domain, supportAddress.split('@')[1]?.toLowerCase() ?? domain])],
  now: clock.now,
};

export const inboundHandler =
  (dependencies: InboundDeps) =>
  async (event: SesReceiptEvent, context?: { awsRequestId?: string }): Promise<void> => {
    startInvocation('inbound', context);
    for (const record of event.Records ?? []) {
      const mail = readReceipt(record);
      if (!mail) {
        logger.error('not an SES receipt this function reads; dropped');
        continue;
      }
      const result = await processInbound(dependencies, mail).catch((error: unknown) => {
        // The id names the raw mail in the bucket and the event in the dead-letter queue.
        logger.error('inbound mail failed; SES invokes again', {
          sesMessageId: mail.sesMessageId,
          error,
        });
        throw error;
      });
      logger.info('inbound mail handled', {
        sesMessageId: mail.sesMessageId,
        outcome: result.outcome,
        reason: result.reason,
        duplicate: result.duplicate,
        ticketId: result.ticketId,
      });
    }
  };

export const handler = inboundHandler(deps);
