/**
 * The feedback function: SES bounce and complaint reports, published by the
 * stage's configuration set to an SNS topic that invokes it
 * (lib/constructs/mail-feedback.ts); records.ts says what it does with them.
 */
import { tableStore } from '#core/table/function-store';
import { feedbackHandler } from './records.ts';

export const handler = feedbackHandler(tableStore);
